# queue/qmail-queue takes at most one argument.
control me mx.example.test
control plugins <<END
rcpt_ok
queue/qmail-queue /a /b
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log usage: queue/qmail-queue
queued 0
