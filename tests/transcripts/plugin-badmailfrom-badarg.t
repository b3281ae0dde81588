# badmailfrom: unknown arguments are configuration errors.
control me mx.example.test
control plugins <<END
badmailfrom reject 2
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin badmailfrom: reject: '2' is not one of 0\|1\|naughty
queued 0
