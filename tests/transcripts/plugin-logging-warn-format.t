# logging/warn: qpsmtpd's format, "<pid> (<hook>) <plugin>: <text>" inside hooks,
# "<pid> <plugin>: <text>" outside, "<pid> <text>" for the core; the built-in logger is silent.
control me mx.example.test
control rcpthosts example.test
control badmailfrom nonsense
control plugins <<END
logging/warn 7
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
log ^\d+ \(rcpt\) rcpt_ok: fail: elsewhere\.test is not in rcpthosts$
log ^\d+ \(connect\) relay: skip: 192\.0\.2\.7 may not relay$
log ^\d+ badmailfrom: warning: control/badmailfrom: no @ in nonsense
log ^\d+ [a-z]
nolog ^qcsmtpd: 
nolog ^\d+ core: 
nolog ^\d+ \([a-z_-]+\) core: 
