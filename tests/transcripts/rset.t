# RSET ends the transaction: RCPT and DATA after it need a new MAIL; HELO state stays.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> RSET
<= 250 2.0.0 OK
> RCPT TO:<u@example.test>
<= 503 5.5.1 MAIL first
> DATA
<= 503 5.5.1 MAIL first
> MAIL FROM:<c@d.test>
<~ 250 2.1.0 <c@d.test>
> RCPT TO:<v@example.test>
<~ 250 
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fc@d.test\0Tv@example.test\0\0
