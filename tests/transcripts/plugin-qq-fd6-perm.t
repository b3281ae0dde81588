# queue/qmail-queue: exit 82 with fd 6 "D...": 554 with the text, its (#5.7.1) suffix
# as the enhanced code.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_EXIT=82
env QQ_FD6=Dcustom permanent (#5.7.1)
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
<= 554 5.7.1 custom permanent
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
