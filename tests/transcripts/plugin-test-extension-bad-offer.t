# test/extension: a value outside an argument's choices is a configuration
# error.
control me mx.example.test
control plugins <<END
test/extension offer sometimes
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin test/extension: offer: 'sometimes'
