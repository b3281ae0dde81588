# logging/file: a bad argument line (logging/file |logger) is a configuration error.
control me mx.example.test
control logging logging/file |logger
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/file.*the command needs an absolute path: logger
queued 0
