# tarpit: bad argument 'naughty x' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
tarpit naughty x
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin tarpit: naughty
queued 0
