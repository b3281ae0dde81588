# logging/adaptive: an accept level that is not 0-7 or a level name is a configuration error.
control me mx.example.test
control logging logging/adaptive accept 8
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ error plugin=logging/adaptive usage: logging/adaptive .*bad accept level: 8 
queued 0
