# relay: morerelayclients.cdb IPv6 prefix keys are whole groups: 2001:db8:1: does not hold 2001:db8:10::1.
control me mx.example.test
control rcpthosts example.test
cdb morerelayclients.cdb <<END
2001:db8:1:
END
env TCPREMOTEIP=2001:db8:10::1
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
