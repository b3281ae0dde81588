# milter: a timeout of 0 is out of range (1 to 600 seconds) (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter rspamd 127.0.0.1:11332 command_timeout 0
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: plugin milter: .*command_timeout
queued 0
