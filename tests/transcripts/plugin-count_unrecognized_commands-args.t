# count_unrecognized_commands: a bad maximum is a configuration error.
control me mx.example.test
control plugins <<END
count_unrecognized_commands zero
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin count_unrecognized_commands: max: 'zero' is not a number from 1 to 1000
