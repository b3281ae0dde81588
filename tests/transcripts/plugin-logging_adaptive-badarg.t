# logging/adaptive: an argument it does not know (level) is a configuration error naming it.
control me mx.example.test
control logging logging/adaptive accept 5 level 6
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ crit config error: control/logging: plugin logging/adaptive: unknown argument 'level' \(accepted: accept, reject, prefix,
queued 0
