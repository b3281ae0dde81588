# connection_time: after QUIT, one info line gives the client's address and the session's length (here over 1 s).
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
sleep 1.1
> QUIT
<~ 221 
<eof
exit 0
log ^qcsmtpd: \d+ info plugin=connection_time Connection time from 192\.0\.2\.7: [1-9]\.\d{3} s\.$
