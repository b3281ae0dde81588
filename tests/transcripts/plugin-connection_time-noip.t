# connection_time: without TCPREMOTEIP the address is "unknown".
control me mx.example.test
unenv TCPREMOTEIP
control loglevel 6
control plugins <<END
connection_time
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log Connection time from unknown: \d+\.\d{3} s\.
