# test/extension: an unknown argument is a configuration error.
control me mx.example.test
control plugins <<END
test/extension verb xfoo
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin test/extension: unknown argument 'verb' \(accepted: offer, loglevel, reject, reject_type\)
