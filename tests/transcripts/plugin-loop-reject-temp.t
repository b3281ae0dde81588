# loop reject_type temp: the refusal is temporary; the core replaces an enhanced
# code of the wrong class: 4.4.6, its subject and detail in the reply's class.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
loop 1 reject_type temp
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
<= 451 4.4.6 Too many hops
> QUIT
<~ 221
queued 0
