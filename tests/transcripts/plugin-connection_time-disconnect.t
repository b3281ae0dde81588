# connection_time: a session ended by a refusal with close (test/verdict at connect) is timed too.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
connection_time
test/verdict connect DENY_DISCONNECT
rcpt_ok
END
<~ 554 
<eof
exit 0
log Connection time from 192\.0\.2\.7: \d+\.\d{3} s\.
