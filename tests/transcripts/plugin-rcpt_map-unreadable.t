# rcpt_map: an unreadable map (a directory) is a configuration error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
file control/map_example/x <<END
a OK
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map unable to read control/map_example: Is a directory
