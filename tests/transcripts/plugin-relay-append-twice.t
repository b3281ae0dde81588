# relay: two relay instances append RELAYCLIENT once, not twice.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
relay
relay:1
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=.x
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@other.test>
<~ 250 2.1.5 
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 Queued! 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@b.test\0Tu@other.test.x\0\0
