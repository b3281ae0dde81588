# timeoutsmtpd 0 (or less) means 1 second.
control me mx.example.test
control timeoutsmtpd 0
timeout 6
<~ 220 
<= 421 4.4.2 mx.example.test Timeout, closing connection
<eof
exit 111
