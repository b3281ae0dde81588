# spamassassin: a spamd_socket port outside 1..65535 is a configuration error (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin spamd_socket 127.0.0.1:65536
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: spamd_socket: '127.0.0.1:65536' is neither host:port
queued 0
