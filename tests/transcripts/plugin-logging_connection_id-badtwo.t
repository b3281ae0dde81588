# logging/connection_id takes one level: a second word is a configuration error naming it.
control me mx.example.test
control logging logging/connection_id 6 7
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ crit config error: control/logging: plugin logging/connection_id: unknown argument '7'
queued 0
