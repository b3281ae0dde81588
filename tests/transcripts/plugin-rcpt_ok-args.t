# rcpt_ok takes no arguments.
control me mx.example.test
control plugins <<END
rcpt_ok foo
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin rcpt_ok: unknown argument '.*' \(accepted: loglevel, reject, reject_type\)
queued 0
