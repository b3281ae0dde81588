# relay: 127.0.0.1 does not relay implicitly either.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=127.0.0.1
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
