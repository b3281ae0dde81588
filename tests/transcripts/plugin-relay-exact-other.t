# relay: an exact entry for another address does not match (no implicit prefix).
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
192.0.2.7
END
env TCPREMOTEIP=192.0.2.70
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
