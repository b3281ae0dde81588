# relay: a non-empty RELAYCLIENT is appended to every recipient, as qmail-smtpd does
# (qpsmtpd does not); rcpt_ok still accepts (relay client) and qmail-queue gets the
# rewritten address.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=@relay.example
env QQ_ENVLOG=1
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@other.test>
<~ 250 2.1.5 
> RCPT TO:<postmaster>
<~ 250 2.1.5 
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 Queued! 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@b.test\0Tu@other.test@relay.example\0Tpostmaster@relay.example\0\0
qqinfo ^RELAYCLIENT=@relay.example$
