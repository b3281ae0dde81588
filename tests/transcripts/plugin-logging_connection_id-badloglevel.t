# logging/connection_id without a level: an unusable control/loglevel is a
# configuration error (the core reads the file first and refuses it).
control me mx.example.test
control loglevel loud
control logging logging/connection_id
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ crit config error: control/loglevel: not a number$
queued 0
