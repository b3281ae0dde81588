# RFC 5321 4.1.4: a second EHLO is accepted and resets the state as RSET
# would: the open transaction is gone (RCPT needs a new MAIL), the
# reset_transaction hook fires, and the Received line names the new EHLO.
# qpsmtpd answered 503 and kept the transaction (doc/hooks, defects fixed).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
test/verdict reset_transaction DECLINED
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO first.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> EHLO second.example
<+ 250
> RCPT TO:<u@example.test>
<= 503 5.5.1 MAIL first
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: again
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
log plugin=test/verdict hook=reset_transaction
message <<END
Received: from second.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd {{ANY}}) with ESMTP; {{DATE}}
Subject: again

body
END
