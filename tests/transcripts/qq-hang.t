# qmail-queue that never exits: the server gives up after timeoutsmtpd (the child is
# killed), answers 451, and nothing is queued.
control me mx.example.test
control rcpthosts example.test
control timeoutsmtpd 2
env TCPREMOTEIP=192.0.2.7
env QQ_HANG=1
timeout 8
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
<* 451 4\.\d+\.\d+ .*
> QUIT
<~ 221 
exit 0
queued 0
