# queue/qmail-queue: exit 82, fd 6 "D" text whose suffix has the wrong class: the
# suffix stays in the text, the enhanced code is the default.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_EXIT=82
env QQ_FD6=Dodd (#4.1.1)
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
<= 554 5.3.0 odd (#4.1.1)
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
