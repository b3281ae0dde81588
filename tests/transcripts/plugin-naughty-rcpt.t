# naughty (reference/qpsmtpd.md 4.2): badmailfrom with "reject naughty" only
# stores its refusal; the naughty plugin delivers it at RCPT (its default),
# with its default reject_type disconnect: 550 and the connection closes.
# naughty is listed before rcpt_ok, which would accept the recipient first
# (doc/plugins/ORDER).
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control loglevel 6
control plugins <<END
badmailfrom reject naughty
naughty
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<= 250 2.1.0 <bad@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<u@example.test>
<= 550 5.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
<eof
exit 0
log plugin=badmailfrom fail, deferred to naughty
log plugin=naughty fail: delivering the deferred refusal at rcpt
queued 0
