# logging/warn: two instances with their own levels both write (each returns DECLINED).
control me mx.example.test
control plugins <<END
logging/warn 4
logging/warn:1 6
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
log (?s)rcpthosts is missing.*rcpthosts is missing
log ^\d+ \(rcpt\) rcpt_ok: fail: elsewhere\.test is not in rcpthosts$
nolog (?s)not in rcpthosts.*not in rcpthosts
