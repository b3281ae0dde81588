# queue/qmail-queue: without QMAILQUEUE or argument, $QMAIL/bin/qmail-queue runs
# (here $QMAIL has no bin/qmail-queue: unable to exec qq).
# not under valgrind (make check-valgrind): glibc's posix_spawn learns of a failed
# exec through vfork's shared memory, which valgrind does not emulate (exit 127)
nowrap
control me mx.example.test
control rcpthosts example.test
unenv QMAILQUEUE
env QMAIL=${TMP}/no-qmail-here
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> x
> .
<= 451 4.3.0 unable to exec qq
> QUIT
<~ 221 
exit 0
queued 0
