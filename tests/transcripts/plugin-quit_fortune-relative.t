# quit_fortune: the program must be an absolute path (no shell, no PATH).
control me mx.example.test
control plugins <<END
quit_fortune fortune fortune
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=quit_fortune fortune fortune: not an absolute path
