# relay: a malformed IPv6 entry is a configuration error.
control me mx.example.test
control relayclients <<END
2001:db8:::1
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log 2001:db8:::1
queued 0
