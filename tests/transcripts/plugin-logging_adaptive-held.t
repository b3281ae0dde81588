# logging/adaptive holds at most 65536 octets of a transaction's lines: the
# rest are counted, the count written with the transaction; the session goes
# on and the message is queued (3000 NOOPs log about 96 kB at info).
control me mx.example.test
control logging logging/adaptive accept 6 reject 6
control plugins <<END
rcpt_ok
queue/qmail-queue
END
control rcpthosts example.test
<~ 220 
> HELO c.example
<~ 250 
>* 3000 NOOP
<+ 250 3000
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
log ^\d+ ` dispatching HELO c\.example$
log ^\d+ ` logging/adaptive plugin: \d{3,} log lines dropped \(held lines full\)$
nolog ^\d+ ` queued from
