# logging/adaptive: accept and reject take qpsmtpd's level names too, in
# any case, with or without LOG (loginfo = 6, LOGNOTICE = 5).
control me mx.example.test
control rcpthosts example.test
control logging logging/adaptive accept LOGNOTICE reject loginfo
control plugins <<END
relay
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
log ^\d+ rcpt_ok plugin: fail: elsewhere\.test is not in rcpthosts$
log ^\d+ dispatching QUIT$
nolog ^\d+ `
nolog ^\d+ rcpt_ok plugin: pass
