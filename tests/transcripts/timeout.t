# timeoutsmtpd: no input for 1 s gives 421 4.4.2 and exit 111.
control me mx.example.test
control timeoutsmtpd 1
timeout 6
<~ 220 
> HELO c.example
<~ 250 
<= 421 4.4.2 mx.example.test Timeout, closing connection
<eof
exit 111
