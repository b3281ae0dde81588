# connection_time LEVEL as a digit (4, warn) and in any case (see -level): shown at the default loglevel 4.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
connection_time 4
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log warn plugin=connection_time Connection time from 192\.0\.2\.7
