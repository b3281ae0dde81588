# spamassassin: reject takes a score or userprefs; anything else is a configuration error (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin reject lots
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spamassassin config error: reject: 'lots' is neither a score \(e.g. 5 or 7.5\) nor userprefs
queued 0
