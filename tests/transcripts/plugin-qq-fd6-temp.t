# queue/qmail-queue: exit 82 with fd 6 text not starting with D: 451 with the text.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_EXIT=82
env QQ_FD6=Zbusy, try later (#4.3.2)
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
<= 451 4.3.2 busy, try later
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
