# logging/file PATH: events up to warn (qpsmtpd's default level) appended to
# PATH, "<time> <host>[<pid>]: (<hook>) <plugin>: <text>", time in qpsmtpd's
# default tsformat "%a %b %d %T %Y"; the built-in logger is silent.
control me mx.example.test
control loglevel 7
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging logging/file qp.log
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
fileis qp.log <<END
Tue Nov 14 22:13:20 2023 {{re:[^ \[]+}}[{{re:\d+}}]: (rcpt) rcpt_ok: warning: control/rcpthosts is missing: accepting only me and morercpthosts.cdb (qmail would be an open relay)
END
