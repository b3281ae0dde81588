# queue/maildir without a directory is a configuration error.
control me mx.example.test
control plugins <<END
rcpt_ok
queue/maildir
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log queue/maildir DIR
queued 0
