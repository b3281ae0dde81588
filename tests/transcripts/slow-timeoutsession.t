# control/timeoutsession (issue 9, slow clients): the whole connection may
# last that many seconds, however busy the client keeps it: a NOOP every
# second against timeoutsession 3 gets 421 4.4.2 and a log line naming it.
control me mx.example.test
control timeoutsession 3
control plugins <<END
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 6
<~ 220 
> NOOP
<~ 250 
sleep 1
> NOOP
<~ 250 
sleep 1
> NOOP
<~ 250 
sleep 1.5
> NOOP
<= 421 4.4.2 mx.example.test Connection time limit reached, closing connection
<eof
exit 111
log warn connection from 192\.0\.2\.7 reached timeoutsession
