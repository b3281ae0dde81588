# random_error: bad argument 'abc' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
random_error abc
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log PERCENT: 'abc' is not a whole number up to 100
queued 0
