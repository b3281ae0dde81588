# relay: an unknown argument is a configuration error.
control me mx.example.test
control plugins <<END
relay only 2
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin relay: only: '2' is not one of 0\|1\|yes
queued 0
