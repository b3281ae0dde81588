# noop_counter 0 is out of range (1 to 1000): configuration error.
control me mx.example.test
control plugins <<END
noop_counter 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin noop_counter: max: '0' is not a number from 1 to 1000
