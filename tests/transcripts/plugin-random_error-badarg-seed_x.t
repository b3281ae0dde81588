# random_error: bad argument 'seed x' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
random_error seed x
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin random_error: seed
queued 0
