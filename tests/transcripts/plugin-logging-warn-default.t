# logging/warn without argument or control/loglevel: maximum level 4 (warn).
control me mx.example.test
control plugins <<END
logging/warn
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
