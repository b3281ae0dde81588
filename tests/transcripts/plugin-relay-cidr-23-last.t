# relay: a block not on an octet boundary: 10.0.2.0/23 holds 10.0.3.255.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
10.0.2.0/23
END
env TCPREMOTEIP=10.0.3.255
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
