# bogus_bounce reject 1: a bounce to two recipients is refused at the end of
# DATA (qpsmtpd's count was always 1: this check never fired there); a
# bounce to one recipient and a normal message to two are queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
env TCPREMOTEIP=192.0.2.7
control plugins <<END
bogus_bounce reject 1
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
<= 554 5.7.1 Bounces go to one recipient: this one is not a real bounce
> MAIL FROM:<>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
> Return-Path: <>
> Subject: one
>
> x
> .
<~ 250
> MAIL FROM:<a@b.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> RCPT TO:<v@example.test>
<~ 250
> DATA
<~ 354
> Subject: normal
>
> x
> .
<~ 250
> QUIT
<~ 221
queued 2
log info plugin=bogus_bounce fail: this bounce message does not have 1 recipient
