# relay: morerelayclients.cdb IPv6 key in the form the server received the address.
control me mx.example.test
control rcpthosts example.test
cdb morerelayclients.cdb <<END
2001:0db8:0000::1
END
env TCPREMOTEIP=2001:0db8:0000::1
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
