# relay: 0.0.0.0/0 holds every IPv4 address (but no IPv6 one, see relay-v6-family).
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
0.0.0.0/0
END
env TCPREMOTEIP=203.0.113.5
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
