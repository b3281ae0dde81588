# badmailfrom: the null sender is never checked, even against a pattern that
# matches everything.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom_patterns .*
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<>
<= 250 2.1.0 <>, sender OK - how exciting to get mail from you!
> MAIL FROM:<a@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
