# loop 1 reject 0: over the limit is only logged; the message is queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
loop 1 reject 0
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<a@b.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
> Subject: one hop: ours
>
> hello
> .
<~ 250
> QUIT
<~ 221
queued 1
log info plugin=loop fail: 1 hops
