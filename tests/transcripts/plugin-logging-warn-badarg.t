# logging/warn: a level that is not 0-7 or a level name is a configuration error.
control me mx.example.test
control plugins <<END
logging/warn 9
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log usage: logging/warn
queued 0
