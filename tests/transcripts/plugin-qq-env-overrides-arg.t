# queue/qmail-queue PATH: QMAILQUEUE overrides the argument (qmail's convention).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
queue/qmail-queue /nonexistent/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> x
> .
<* 250 2\.0\.0 Queued! \d+ qp \d+
> QUIT
<~ 221 
exit 0
queued 1
