# connection_time: a session closed at once lasts well under a second; the line is logged at end of input too.
# nowrap: the test measures the session length, which a wrapper (valgrind) would stretch.
nowrap
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
connection_time
rcpt_ok
END
<~ 220 
close
<eof
exit 0
log info plugin=connection_time Connection time from 192\.0\.2\.7: 0\.\d{3} s\.$
