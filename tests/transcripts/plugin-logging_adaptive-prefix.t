# logging/adaptive prefix C: the accepted transaction's lines carry C after
# the pid instead of `.
control me mx.example.test
control logging logging/adaptive accept 5 prefix ACCEPTED:
control plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
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
log ^\d+ ACCEPTED: queued from 192\.0\.2\.7 by queue/qmail-queue$
log ^\d+ ACCEPTED: Connection from
nolog `
