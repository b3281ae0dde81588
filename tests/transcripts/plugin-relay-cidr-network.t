# relay: the network address of a CIDR block matches (qpsmtpd defect 7.11 fixed).
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
192.0.2.0/24
END
env TCPREMOTEIP=192.0.2.0
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
