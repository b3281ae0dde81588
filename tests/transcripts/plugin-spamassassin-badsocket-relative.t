# spamassassin: a unix socket path must be absolute (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin spamd_socket run/spamd.sock
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: spamd_socket: 'run/spamd.sock' is neither host:port
queued 0
