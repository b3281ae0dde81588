# badmailfrom: an @host entry matches every sender at that host (from the last @),
# not at its subdomains (qmail).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom @spam.test
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<x@spam.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<y@SPAM.TEST>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<x@sub.spam.test>
<= 250 2.1.0 <x@sub.spam.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<x@spam.test.org>
<= 250 2.1.0 <x@spam.test.org>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
