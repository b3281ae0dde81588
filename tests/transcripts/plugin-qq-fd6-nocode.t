# queue/qmail-queue: exit 82, fd 6 text without an enhanced code: the default one.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_EXIT=82
env QQ_FD6=Xfoo bar
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
<= 451 4.3.0 foo bar
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
