# karma: -4 is bad, not very bad: DATA goes on (the limit is karma < -4).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control karma_tlds <<END
example:-4
END
control plugins <<END
karma reject 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
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
queued 1
nolog very bad karma
log plugin=karma negative, sent to penalty box, \(msg: -4, his: -1\)
