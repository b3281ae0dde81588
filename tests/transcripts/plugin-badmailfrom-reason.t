# badmailfrom: the text after the address is the reason given in the 550 reply.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom <<END
@spam.test   Go away   spammer
bad@b.test We know you
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<x@spam.test>
<= 550 5.7.1 Go away   spammer
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 We know you
> QUIT
<~ 221 
exit 0
