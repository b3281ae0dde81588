# logging/transaction_id takes one level: a second word is a configuration error naming it.
control me mx.example.test
control logging logging/transaction_id info debug
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ crit config error: control/logging: plugin logging/transaction_id: unknown argument 'debug'
queued 0
