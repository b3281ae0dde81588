# logging/file: a bad argument line (logging/file reopen loglevel) is a configuration error.
control me mx.example.test
control logging logging/file reopen loglevel
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/file.*argument needs a value: loglevel
queued 0
