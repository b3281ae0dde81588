# spamassassin: leave_old_headers is drop, rename or keep (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin leave_old_headers delete
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin spamassassin: .*leave_old_headers
queued 0
