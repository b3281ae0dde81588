# milter: sendmail's inet:PORT@HOST with a host name is a configuration error too (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter dkim inet:8891@dkim.example.test
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: milter dkim: SOCKET 'inet:8891@dkim.example.test' is none of
queued 0
