# virus/clamdscan: an argument it does not have is a configuration error (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan clamd_path /run/c.sock
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/clamdscan: unknown argument 'clamd_path'
queued 0
