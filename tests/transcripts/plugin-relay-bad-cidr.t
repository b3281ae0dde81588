# relay: a CIDR prefix length out of range is a configuration error.
control me mx.example.test
control relayclients <<END
192.0.2.0/33
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log 192\.0\.2\.0/33
queued 0
