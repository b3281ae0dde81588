# badmailfrom: an exact address and an @host entry are refused at MAIL with 550 5.7.1.
control me mx.example.test
control rcpthosts example.test
control badmailfrom <<END
bad@b.test
@spam.test
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<* 550 5\.7\.1 .*
> MAIL FROM:<x@spam.test>
<* 550 5\.7\.1 .*
> MAIL FROM:<good@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@example.test>
<~ 250 2.1.5 
> QUIT
<~ 221 
exit 0
