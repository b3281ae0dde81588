# logging/adaptive: an argument without its value is a configuration error.
control me mx.example.test
control logging logging/adaptive accept
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ crit config error: control/logging: plugin logging/adaptive: argument 'accept' needs a value
queued 0
