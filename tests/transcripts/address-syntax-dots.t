# Dots in an unquoted local part are tolerated anywhere (leading, trailing,
# doubled: deployed addresses have them, and they cannot smuggle anything), but
# a local part needs at least one atom character (qcsmtpd(8) NOTES). Such an
# address is shown quoted, as RFC 5321 4.1.2 would write it.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<.a@b.test>
<= 250 2.1.0 <".a"@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<...@b.test>
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<.u@example.test>
<= 250 2.1.5 <".u"@example.test>, recipient ok
> RCPT TO:<u.@example.test>
<= 250 2.1.5 <"u."@example.test>, recipient ok
> RCPT TO:<u..v@example.test>
<= 250 2.1.5 <"u..v"@example.test>, recipient ok
> RCPT TO:<.@example.test>
<= 501 5.1.3 could not parse recipient
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
envelope Fa@b.test\0T.u@example.test\0Tu.@example.test\0Tu..v@example.test\0\0
