# connection_time loglevel 6: the common argument filters this instance's lines (here: shows the info line
# although control/loglevel is 4).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 4
control plugins <<END
connection_time loglevel 6
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log info plugin=connection_time Connection time from 192\.0\.2\.7
