# queue/qmail-queue slower than nothing but faster than timeoutsmtpd: queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control timeoutsmtpd 5
env QQ_SLEEP=1
timeout 10
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
<* 250 2\.0\.0 Queued! \d+ qp \d+
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 1
