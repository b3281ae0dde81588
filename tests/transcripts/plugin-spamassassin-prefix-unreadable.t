# spamassassin: an unreadable control/subject_prefix (a directory: root reads any file) stops the plugin from starting (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
file control/subject_prefix/x <<END
x
END
control plugins <<END
spamassassin munge_subject_threshold 5
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spamassassin control/subject_prefix: 
queued 0
