# relay: an IPv6 prefix of whole groups ending in ':' (qpsmtpd's form).
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
fdda:b13d:e431:ae06:
END
env TCPREMOTEIP=fdda:b13d:e431:ae06::5
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
