# rcpt_ok takes no arguments.
control me mx.example.test
control plugins <<END
rcpt_ok foo
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log rcpt_ok takes no arguments
queued 0
