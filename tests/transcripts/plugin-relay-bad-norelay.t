# relay: a malformed norelayclients entry is a configuration error.
control me mx.example.test
control norelayclients <<END
192.0.2
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log norelayclients: not an IP
queued 0
