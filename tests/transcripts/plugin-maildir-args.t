# queue/maildir: qpsmtpd's sub-directory pattern and mode arguments are not
# supported: a configuration error, not a silent difference.
control me mx.example.test
control plugins <<END
rcpt_ok
queue/maildir /tmp/x %d/%l 770
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin queue/maildir: unknown argument '%d/%l'
queued 0
