# badmailfrom: an entry without @ can never match; it is logged at init, not fatal
# (a qmail host's file keeps working).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control badmailfrom <<END
spam.test
@bad.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<x@spam.test>
<= 250 2.1.0 <x@spam.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<x@bad.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
log warn plugin=badmailfrom .*no @ in spam\.test
