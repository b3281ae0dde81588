# virus/clamdscan: clamd_host must be an IP address or localhost: no name lookup for its own server (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan clamd_host clamd.example clamd_port 3310
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=virus/clamdscan clamd_host 'clamd.example' is no IP address \(or localhost\)
queued 0
