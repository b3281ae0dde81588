# milter: default_action is tempfail, accept or reject, nothing else (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:11332 default_action discard
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: plugin milter: .*default_action.*tempfail
queued 0
