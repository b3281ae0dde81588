# spamassassin: a control/subject_prefix over the core's 4 MiB limit stops the plugin from starting (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
bigcontrol subject_prefix 10485760 [SPAM {n}]
control plugins <<END
spamassassin munge_subject_threshold 5
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/subject_prefix: File too large
queued 0
