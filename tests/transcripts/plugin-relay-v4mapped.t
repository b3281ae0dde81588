# relay: an IPv4-mapped client address compares as IPv4.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
192.0.2.0/24
END
env TCPREMOTEIP=::ffff:192.0.2.7
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
