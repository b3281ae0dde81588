# milter: a bare IPv6 address with a port is ambiguous: only [IPv6]:PORT is taken (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd ::1:11332
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: milter rspamd: SOCKET '::1:11332' is none of
queued 0
