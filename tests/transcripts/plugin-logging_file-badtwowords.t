# logging/file: a bad argument line (logging/file bogus qp.log) is a configuration error.
control me mx.example.test
control logging logging/file bogus qp.log
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/file.*a path is one word: bogus qp.log
queued 0
