# bogus_bounce: an action it does not know is a configuration error.
control me mx.example.test
control plugins <<END
bogus_bounce reject_it
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin bogus_bounce: .*reject_it
