# spamassassin: a negative reject score is a configuration error (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin reject -3
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: reject: '-3' is neither a score
queued 0
