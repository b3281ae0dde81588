# virus/klez_filter: it takes no argument of its own; any other word is a configuration error (421, exit 100).
control me mx.example.test
control plugins <<END
virus/klez_filter size 60000
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/klez_filter: unknown argument 'size'
queued 0
