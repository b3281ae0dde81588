# bogus_bounce reject 1: a bounce whose Return-Path names an address is refused.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
env TCPREMOTEIP=192.0.2.7
control plugins <<END
check_bogus_bounce reject 1
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
> DATA
<~ 354
> Return-Path: <someone@b.example>
> Subject: fake bounce
>
> x
> .
<= 554 5.7.1 A bounce's Return-Path must be empty (RFC 3834): this one is not a real bounce
> QUIT
<~ 221
queued 0
log info plugin=check_bogus_bounce fail: a bounce return path must be empty
