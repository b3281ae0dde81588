# random_error: bad argument '101' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
random_error 101
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log PERCENT: '101' is not a whole number up to 100
queued 0
