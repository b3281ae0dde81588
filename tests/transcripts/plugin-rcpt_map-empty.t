# rcpt_map: a map with no address of the domain stops the server (qpsmtpd:
# "Empty map file").
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
control map_example <<END
# nothing yet
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map control/map_example: the map lists no address of example.test
