# karma: badmailfrom's adjustment (-1, as qpsmtpd's) reaches the connection's
# karma note, and karma counts it at disconnect (here neutral: -1 > -strikes).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control badmailfrom <<END
spam@bad.example
END
control plugins <<END
karma
badmailfrom reject 0
test/note karma at data
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<spam@bad.example>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=badmailfrom fail, tolerated
log plugin=test/note note karma=-1$
log plugin=karma neutral, \(msg: -1, his: 0\)
