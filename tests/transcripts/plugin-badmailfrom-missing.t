# badmailfrom: no control file, no check.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<bad@b.test>
<= 250 2.1.0 <bad@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
