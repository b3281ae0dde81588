# relay: a block not on an octet boundary: 10.0.2.0/23 does not hold 10.0.4.0.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
10.0.2.0/23
END
env TCPREMOTEIP=10.0.4.0
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
