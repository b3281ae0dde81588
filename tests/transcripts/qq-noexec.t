# QMAILQUEUE that cannot be executed -> 451 unable to exec qq (exit 120).
# not under valgrind (make check-valgrind): glibc's posix_spawn learns of a failed
# exec through vfork's shared memory, which valgrind does not emulate (exit 127)
nowrap
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QMAILQUEUE=${TMP}/no-such-qmail-queue
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: q
>
> body
> .
<* 451 4\.\d+\.\d+ unable to exec qq.*
# the session goes on after a queue failure
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
