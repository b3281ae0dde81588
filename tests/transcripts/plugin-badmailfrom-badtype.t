# badmailfrom: an unknown reject_type is a configuration error.
control me mx.example.test
control plugins <<END
badmailfrom reject_type later
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin badmailfrom: reject_type: 'later' is not one of
queued 0
