# logging/warn 4: events above warn are dropped.
control me mx.example.test
control plugins <<END
logging/warn 4
relay
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
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
log ^\d+ \(rcpt\) rcpt_ok: warning: control/rcpthosts is missing
nolog ^\d+ \(rcpt\) rcpt_ok: fail: elsewhere\.test is not in rcpthosts$
nolog ^\d+ \(connect\) relay: skip: 192\.0\.2\.7 may not relay$
