# badmailfrom: an unanchored pattern (control/badmailfrom_patterns, qpsmtpd
# 0.94's file) matches anywhere in user@host.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom_patterns <<END
spam+ Pattern
^exact@x\.test$ Anchored
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@spammm.test>
<= 550 5.7.1 Pattern
> MAIL FROM:<exact@x.test>
<= 550 5.7.1 Anchored
> MAIL FROM:<inexact@x.test>
<= 250 2.1.0 <inexact@x.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<exact@x.test.org>
<= 250 2.1.0 <exact@x.test.org>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
