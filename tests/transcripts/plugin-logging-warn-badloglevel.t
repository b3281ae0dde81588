# logging/warn: an unusable control/loglevel is a configuration error.
control me mx.example.test
control loglevel loud
control plugins <<END
logging/warn
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log loglevel
queued 0
