# rcpt_map: a bare @domain line has no local part: a configuration error
# naming the file and the line (the default is for the whole domain).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
control map_example <<END
me OK
@example.test OK
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map control/map_example: line '@example.test OK': no local part
