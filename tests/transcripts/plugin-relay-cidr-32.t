# relay: a /32 block is exactly one address.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
198.51.100.9/32
END
env TCPREMOTEIP=198.51.100.9
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
