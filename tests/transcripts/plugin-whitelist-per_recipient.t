# whitelist per_recipient: qpsmtpd's per-user configuration does not exist
# here: a configuration error rather than an argument that does nothing.
control me mx.example.test
control plugins <<END
whitelist per_recipient 1
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin whitelist: unknown argument 'per_recipient'
