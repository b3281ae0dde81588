# logging/file: words after PATH (here qpsmtpd common arguments written last)
# would become part of the file name: a configuration error instead.
control me mx.example.test
control logging logging/file qp.log reject_type hard
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/file.*a path is one word: qp.log reject_type hard
queued 0
