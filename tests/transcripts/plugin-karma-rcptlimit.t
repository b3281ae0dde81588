# karma: a client without history (karma_history 0) and without good karma
# gets one recipient per transaction; the second is refused with 452 (RFC
# 5321 4.5.3.1.10), qpsmtpd's text kept; a new transaction gets one again.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
control plugins <<END
karma
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u1@example.test>
<~ 250 
> RCPT TO:<u2@example.test>
<= 452 4.5.3 too many recipients for karma 0 (h: 0)
> RSET
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u2@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=karma pass, no penalty \(0 naughty, 0 nice, 0 connects\)
log plugin=karma fail, too many recipients for karma 0 \(h: 0\)
nolog plugin=karma (negative|positive|neutral)
