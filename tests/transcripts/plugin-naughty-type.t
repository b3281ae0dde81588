# The deferring plugin's own reject_type wins over naughty's (qpsmtpd's
# naughty_reject_type): temp gives 450 at RCPT and the session goes on.
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control plugins <<END
badmailfrom reject naughty reject_type temp
naughty
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 450 4.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
> RSET
<~ 250 
> QUIT
<~ 221 
exit 0
queued 0
