# queue/qmail-queue that never exits: killed after timeoutsmtpd, 451 4.3.0 qq timeout.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control timeoutsmtpd 2
env QQ_HANG=1
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
<= 451 4.3.0 qq timeout
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
log error plugin=queue/qmail-queue .*qq timeout
