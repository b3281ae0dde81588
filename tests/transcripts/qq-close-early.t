# qmail-queue closes its input early and exits 53: the server survives EPIPE,
# reads the client's DATA to the end, answers 451, and the session goes on.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_CLOSE_EARLY=100
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: big
>
>* 5000 line {n} of a message that is much bigger than any pipe buffer xxxxxxxxxxxxxxxxxxxxxxxx
> .
>}
<* 451 4\.\d+\.\d+ .*
> NOOP
<= 250 2.0.0 OK
> QUIT
<~ 221 
exit 0
queued 0
