# parse_addr_withhelo takes only the common arguments; any other word is a
# configuration error.
control me mx.example.test
control plugins <<END
parse_addr_withhelo strict 1
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin parse_addr_withhelo: unknown argument 'strict'
