# connection_time: bad argument 'LOGLOUD' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
connection_time LOGLOUD
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log LEVEL: 'LOGLOUD' is not a log level
queued 0
