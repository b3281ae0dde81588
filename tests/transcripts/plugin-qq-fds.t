# queue/qmail-queue: the child gets the message on fd 0, the envelope on fd 1, the
# error pipe on fd 6, and no other descriptor of ours (the client socket stays out).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QQ_ENVLOG=1
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
<* 250 2\.0\.0 Queued! \d+ qp \d+
> QUIT
<~ 221 
exit 0
queued 1
qqinfo ^leaks=$
qqinfo ^fd6=open$
