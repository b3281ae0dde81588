# spamassassin: munge_subject_threshold takes a score (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin munge_subject_threshold 5.1234
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: munge_subject_threshold: '5.1234' is not a score
queued 0
