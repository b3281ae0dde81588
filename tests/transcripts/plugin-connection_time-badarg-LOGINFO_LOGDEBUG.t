# connection_time: bad argument 'LOGINFO LOGDEBUG' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
connection_time LOGINFO LOGDEBUG
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin connection_time: 
queued 0
