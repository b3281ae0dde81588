# queue/qmail-queue closes its input early (exit 53): EPIPE is survived, the
# client's DATA is read to the end, and the exit code decides the reply.
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
>* 5000 line {n} of a message that is much bigger than any pipe buffer xxxxxxxxxxxxxxxxxxx
> .
>}
<= 451 4.3.0 qq write error or disk full
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
