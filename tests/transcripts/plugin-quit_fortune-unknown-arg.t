# quit_fortune: an unknown argument is a configuration error.
control me mx.example.test
control plugins <<END
quit_fortune cookie /bin/echo
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin quit_fortune: unknown argument 'cookie'
