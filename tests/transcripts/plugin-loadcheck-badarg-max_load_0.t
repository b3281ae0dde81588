# loadcheck: bad argument 'max_load 0' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
loadcheck max_load 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log max_load: '0' is not a load above 0
queued 0
