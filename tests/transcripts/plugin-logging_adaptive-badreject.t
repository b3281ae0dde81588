# logging/adaptive: a reject level that is not 0-7 or a level name is a configuration error.
control me mx.example.test
control logging logging/adaptive reject loud
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ error plugin=logging/adaptive usage: logging/adaptive .*bad reject level: loud 
queued 0
