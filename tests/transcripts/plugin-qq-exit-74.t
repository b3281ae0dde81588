# queue/qmail-queue: exit 74 -> 451 4.4.2 communication with mail server failed
# (reference/qmail.md 1.10, the (#x.y.z) suffix as a leading enhanced code).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_EXIT=74
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
<= 451 4.4.2 communication with mail server failed
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
log error plugin=queue/qmail-queue .*code=74
