# karma: without control/karma_tlds no domain weighs on karma (the file is optional).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma
test/note karma at data
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.jp>
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
nolog adjusting karma
nolog karma_tlds
log plugin=test/note note karma=0$
