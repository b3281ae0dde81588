# milter: a port over 65535 is a configuration error (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:70000
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: milter rspamd: SOCKET '127.0.0.1:70000' is none of
queued 0
