# logging/devnull takes no argument of its own: a stray word is a
# configuration error, logged by the built-in logger (devnull never started).
control me mx.example.test
control logging logging/devnull /dev/null
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*logging/devnull.*/dev/null
queued 0
