# The address in MAIL/RCPT replies is the mailbox as qcsmtpd will use it: the
# source route dropped, quotes only where the local part needs them (qcsmtpd(8)
# NOTES); the envelope holds the unquoted form (qmail's: quotes and backslashes
# removed).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<"ab"@b.test>
<= 250 2.1.0 <ab@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<"u"@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<"x y"@example.test>
<= 250 2.1.5 <"x y"@example.test>, recipient ok
> RCPT TO:<@relay.example:"a\"b"@example.test>
<= 250 2.1.5 <"a\"b"@example.test>, recipient ok
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
envelope Fab@b.test\0Tu@example.test\0Tx y@example.test\0Ta"b@example.test\0\0
