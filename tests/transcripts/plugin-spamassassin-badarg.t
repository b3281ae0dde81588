# spamassassin: an unknown argument is a configuration error (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin spamd_host 127.0.0.1
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin spamassassin: unknown argument 'spamd_host'
queued 0
