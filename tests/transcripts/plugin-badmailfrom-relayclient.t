# badmailfrom applies to relay clients too (qmail; qpsmtpd exempted them).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom bad@b.test
env RELAYCLIENT=
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<good@b.test>
<= 250 2.1.0 <good@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
