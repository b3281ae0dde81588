# relay: IPv6 exact entries compare in binary, whatever their spelling.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
2001:0DB8:0000:0000:0000:0000:0000:0001
END
env TCPREMOTEIP=2001:db8::1
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
