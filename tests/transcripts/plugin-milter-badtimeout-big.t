# milter: a timeout over 600 seconds is out of range (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:11332 content_timeout 601
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: plugin milter: .*content_timeout
queued 0
