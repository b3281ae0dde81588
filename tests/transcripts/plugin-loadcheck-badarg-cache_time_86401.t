# loadcheck: bad argument 'cache_time 86401' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
loadcheck cache_time 86401
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log cache_time
queued 0
