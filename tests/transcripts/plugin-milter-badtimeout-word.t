# milter: a timeout must be a number of seconds (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:11332 connect_timeout 10s
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: plugin milter: .*connect_timeout
queued 0
