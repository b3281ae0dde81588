# help: a word left without a value is an unknown argument (configuration
# error, 421 to every client).
control me mx.example.test
control plugins <<END
help not_implemented 1 bogus
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin help: unknown argument 'bogus'
