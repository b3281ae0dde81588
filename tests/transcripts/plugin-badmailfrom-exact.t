# badmailfrom: a whole address matches exactly and case-insensitively; nothing else.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom <<END
# comment
bad@b.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<BAD@B.Test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<xbad@b.test>
<= 250 2.1.0 <xbad@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<bad@b.test.org>
<= 250 2.1.0 <bad@b.test.org>, sender OK - how exciting to get mail from you!
> MAIL FROM:<bad@sub.b.test>
<= 250 2.1.0 <bad@sub.b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<good@b.test>
<= 250 2.1.0 <good@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
