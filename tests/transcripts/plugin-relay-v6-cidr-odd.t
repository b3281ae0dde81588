# relay: IPv6 CIDR not on a group boundary: 2001:db8:8000::/33 holds 2001:db8:ffff::1.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
2001:db8:8000::/33
END
env TCPREMOTEIP=2001:db8:ffff::1
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
