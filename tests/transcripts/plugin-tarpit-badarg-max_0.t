# tarpit: bad argument 'max 0' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
tarpit max 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin tarpit: max
queued 0
