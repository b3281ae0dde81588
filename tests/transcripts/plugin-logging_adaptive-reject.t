# logging/adaptive: a transaction in which a plugin refused something is
# written when it ends (here at RSET) up to the reject level (6, info), with
# no prefix; the accepted transaction after it stands alone, prefixed, up to
# the accept level (5): its info lines are not written.
control me mx.example.test
control rcpthosts example.test
control logging logging/adaptive accept 5 reject 6
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
> RSET
<~ 250 
> MAIL FROM:<c@d.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: x
>
> hi
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log ^\d+ Connection from \[192\.0\.2\.7\]
log ^\d+ rcpt_ok plugin: fail: elsewhere\.test is not in rcpthosts$
log ^\d+ dispatching RCPT TO:<u@elsewhere\.test>$
log ^\d+ 550 5\.7\.1 Relaying denied$
log ^\d+ ` queued from 192\.0\.2\.7 by queue/qmail-queue$
nolog ^\d+ ` .*(elsewhere|Connection from)
nolog dispatching MAIL FROM:<c@d\.test>
nolog ^\d+ queued from
