# karma: reject 1 refuses a connection whose karma fell below -4 at DATA with
# qpsmtpd's text and the default reject_type disconnect; nothing is queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control karma_tlds <<END
example:-5
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
<= 554 5.7.1 very bad karma: -5
<eof
exit 0
queued 0
log plugin=karma fail: very bad karma: -5
