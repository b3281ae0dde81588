# relay: an unreadable relayclients (here a directory) is a configuration error.
control me mx.example.test
file control/relayclients/x <<END
1.2.3.4
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log relayclients
queued 0
