# count_unrecognized_commands: a maximum that is not a number is a
# configuration error naming the plugin and the argument.
control me mx.example.test
control plugins <<END
count_unrecognized_commands zero
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin count_unrecognized_commands: max: 'zero' is not a number from 1 to 1000
