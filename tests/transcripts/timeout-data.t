# A timeout in the middle of DATA: 421 4.4.2, nothing queued, exit 111.
control me mx.example.test
control timeoutsmtpd 1
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
timeout 6
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> partial
<= 421 4.4.2 mx.example.test Timeout, closing connection
<eof
exit 111
queued 0
