# logging/adaptive: a prefix over 32 characters is a configuration error (one line of the log, not a message).
control me mx.example.test
control logging logging/adaptive prefix 0123456789abcdef0123456789abcdefX
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ error plugin=logging/adaptive .*bad prefix: 0123456789abcdef0123456789abcdefX \(1 to 32 printable
queued 0
