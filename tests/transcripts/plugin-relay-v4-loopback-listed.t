# relay: 127.0.0.1 relays when listed, as with qmail's tcp.smtp rules.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
127.0.0.1
::1
END
env TCPREMOTEIP=127.0.0.1
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
