# logging/file: a bad argument line (logging/file) is a configuration error.
control me mx.example.test
control logging logging/file
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/file: missing argument \[reopen\] \[nosplit\] PATH
queued 0
