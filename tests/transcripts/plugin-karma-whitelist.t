# karma: whitelist's +5 for a listed host (qpsmtpd's) makes a good connection:
# the host is immune to the limits, and the connection is counted nice.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control whitelisthosts <<END
192.0.2.7
END
control plugins <<END
whitelist
karma
test/note karma at data
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u1@example.test>
<~ 250 
> RCPT TO:<u2@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log plugin=test/note note karma=5$
log plugin=karma positive, \(msg: 5, his: 1\)
