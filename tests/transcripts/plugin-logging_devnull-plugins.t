# logging/devnull first in control/plugins: the same silence, even for the
# warnings other plugins log while they start (control/badmailfrom's bad line).
control me mx.example.test
control loglevel 7
control badmailfrom nonsense
control plugins <<END
logging/devnull
relay
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 mx.example.test ESMTP
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
