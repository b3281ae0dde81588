# spamassassin: max_size is a number of octets (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin max_size 1k
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin spamassassin: .*max_size
queued 0
