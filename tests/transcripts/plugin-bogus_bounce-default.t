# bogus_bounce without arguments: reject 0 (qpsmtpd master's default): the
# bogus bounce is logged and queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
env TCPREMOTEIP=192.0.2.7
control plugins <<END
bogus_bounce
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> RCPT TO:<v@example.test>
<~ 250
> DATA
<~ 354
> Subject: two
>
> x
> .
<~ 250
> QUIT
<~ 221
queued 1
log fail, tolerated: 5.7.1 Bounces go to one recipient
