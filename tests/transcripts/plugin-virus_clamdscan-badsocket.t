# virus/clamdscan: clamd_socket must be an absolute path (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan clamd_socket run/clamd.ctl
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=virus/clamdscan clamd_socket 'run/clamd.ctl' is no absolute path
queued 0
