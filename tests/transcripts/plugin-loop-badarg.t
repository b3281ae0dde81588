# loop: a maximum over 100 (the core's own limit) or of 0 is a configuration error.
control me mx.example.test
control plugins <<END
loop 101
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin loop: .*101
