# milter: a unix socket path must be absolute (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter dkim unix:run/opendkim.sock
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: milter dkim: SOCKET 'unix:run/opendkim.sock' is none of
queued 0
