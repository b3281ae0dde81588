# milter: quarantine_to must be an address user@domain (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:11332 quarantine_to quarantine
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: milter rspamd: quarantine_to 'quarantine' is not an address
queued 0
