# logging/adaptive: a refused MAIL fires no reset_transaction; the next MAIL
# ends that unit (written as refused, reject level 6) so the accepted
# transaction that follows is written alone with the prefix (accept 5). The
# core's "dispatching" line of that MAIL comes before any hook runs: it is
# written with the refused unit.
control me mx.example.test
control badmailfrom spam@bad.test
control logging logging/adaptive accept 5 reject 6
control plugins <<END
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<spam@bad.test>
<~ 550 
> MAIL FROM:<good@ok.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> hi
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log ^\d+ badmailfrom plugin: fail: <spam@bad\.test> matches spam@bad\.test$
log ^\d+ dispatching MAIL FROM:<spam@bad\.test>$
log ^\d+ Connection from
log ^\d+ ` queued from 192\.0\.2\.7 by queue/qmail-queue$
nolog ^\d+ ` .*(spam@bad|Connection from)
log ^\d+ dispatching MAIL FROM:<good@ok\.test>$
nolog ^\d+ ` .*good@ok\.test
