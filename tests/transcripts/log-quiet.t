# loglevel 0: a normal session logs nothing.
control me mx.example.test
control rcpthosts example.test
control loglevel 0
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 
> QUIT
<~ 221 
exit 0
nolog .
