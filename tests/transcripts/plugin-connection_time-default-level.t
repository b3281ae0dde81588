# connection_time: the line is at info, so the default control/loglevel (4, warn) does not show it.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
connection_time
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
nolog Connection time
