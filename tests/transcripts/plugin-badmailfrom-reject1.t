# badmailfrom reject 1 (the default) refuses.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom bad@b.test
control plugins <<END
check_badmailfrom reject 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
