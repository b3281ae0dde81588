# loadcheck: bad argument 'loadavg relative/path' is a configuration error: 421 for every client, exit 100.
control me mx.example.test
control plugins <<END
loadcheck loadavg relative/path
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log loadavg: 'relative/path' is not an absolute path
queued 0
