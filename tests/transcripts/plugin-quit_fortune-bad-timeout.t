# quit_fortune: timeout takes 1 to 30 (seconds); another value is a
# configuration error.
control me mx.example.test
control plugins <<END
quit_fortune fortune /bin/echo timeout 60
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin quit_fortune: timeout: '60' is not a number from 1 to 30
