# milter: NAME and SOCKET are required: a line without them is a configuration error (doc/plugins/milter, Interface).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
milter
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin milter: missing argument NAME 
queued 0
