# badmailfrom: a refused MAIL leaves no transaction, so RCPT gets 503 (and nothing
# can be queued).
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> RCPT TO:<u@example.test>
<~ 503 5.5.1 
> QUIT
<~ 221 
exit 0
queued 0
