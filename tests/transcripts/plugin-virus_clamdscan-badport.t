# virus/clamdscan: clamd_port outside 1..65535 is a configuration error (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan clamd_port 65536
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/clamdscan: .*clamd_port
queued 0
