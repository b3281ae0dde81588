# rcpt_map: a map over 4 MiB is refused (use several instances or a smaller
# map): no start, 421 4.3.0.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
bigcontrol map_example 10485760 user{n} OK
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map unable to read control/map_example: File too large
