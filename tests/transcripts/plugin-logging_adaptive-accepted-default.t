# logging/adaptive without arguments: an accepted transaction is written up
# to error (3), so its start-up warning (4) is not written at all.
control me mx.example.test
control rcpthosts example.test
control badmailfrom nonsense
control logging logging/adaptive
control plugins <<END
badmailfrom
rcpt_ok
queue/qmail-queue
END
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
nolog .
