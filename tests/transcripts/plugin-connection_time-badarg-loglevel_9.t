# connection_time: bad argument 'loglevel 9' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
connection_time loglevel 9
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin connection_time: loglevel
queued 0
