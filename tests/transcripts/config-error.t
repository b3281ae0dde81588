# Unknown plugin in control/plugins: 421 4.3.0 at the greeting, reason logged, exit 100.
control me mx.example.test
control plugins <<END
rcpt_ok
no_such_plugin_xyz
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log no_such_plugin_xyz
queued 0
