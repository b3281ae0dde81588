# queue/qmail-queue PATH: without QMAILQUEUE the argument names the program.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
queue/qmail-queue ${QQ}
END
unenv QMAILQUEUE
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
