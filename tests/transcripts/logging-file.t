# control/logging (qpsmtpd's list of logging plugins, issue 9) is loaded
# before control/plugins, in qpsmtpd's log shape: the core's lines read as
# qpsmtpd's ("Connection from", "dispatching", each reply line, "Plugin X,
# hook Y returned", "click, disconnecting"), so its log filters keep working.
control me mx.example.test
control rcpthosts example.test
control logging logging/warn 6
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
log ^\d+ Connection from client\.example \[192\.0\.2\.7\]$
log ^\d+ 220 mx\.example\.test ESMTP qcsmtpd
log ^\d+ dispatching EHLO c\.example$
log ^\d+ 250-mx\.example\.test Hi client\.example \[192\.0\.2\.7\]$
log ^\d+ 250 ENHANCEDSTATUSCODES$
log ^\d+ \(rcpt\) rcpt_ok: fail: elsewhere\.test is not in rcpthosts$
log ^\d+ Plugin rcpt_ok, hook rcpt returned DENY, 550 5\.7\.1 Relaying denied$
log ^\d+ 550 5\.7\.1 Relaying denied$
log ^\d+ click, disconnecting$
nolog ^qcsmtpd: 
