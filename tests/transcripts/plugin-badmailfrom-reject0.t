# badmailfrom reject 0: a match is only logged ("fail, tolerated").
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom bad@b.test
control loglevel 6
control plugins <<END
badmailfrom reject 0
rcpt_ok
queue/qmail-queue
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<bad@b.test>
<= 250 2.1.0 <bad@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
log plugin=badmailfrom fail, tolerated: Your envelope sender is in my badmailfrom list
