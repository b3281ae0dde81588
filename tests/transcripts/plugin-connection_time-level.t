# connection_time LEVEL: qpsmtpd's old single argument sets the line's level (LOGNOTICE = 5, shown at loglevel 5).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 5
control plugins <<END
connection_time LOGNOTICE
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log notice plugin=connection_time Connection time from 192\.0\.2\.7: \d+\.\d{3} s\.
