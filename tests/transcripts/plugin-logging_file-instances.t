# logging/file: two instances write their own files at their own levels
# (each returns DECLINED, so both get every event).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging <<END
logging/file loglevel LOGWARN tsformat %T warn.log
logging/file:1 loglevel LOGNOTICE tsformat %T notice.log
END
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
nolog .
fileis warn.log <<END
22:13:20 {{re:[^ \[]+}}[{{re:\d+}}]: (rcpt) rcpt_ok: warning: control/rcpthosts is missing: accepting only me and morercpthosts.cdb (qmail would be an open relay)
END
fileis notice.log <<END
22:13:20 {{re:[^ \[]+}}[{{re:\d+}}]: Connection from [192.0.2.7] [192.0.2.7]
22:13:20 {{re:[^ \[]+}}[{{re:\d+}}]: (rcpt) rcpt_ok: warning: control/rcpthosts is missing: accepting only me and morercpthosts.cdb (qmail would be an open relay)
END
