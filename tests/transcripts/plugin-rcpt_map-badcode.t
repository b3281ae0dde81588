# rcpt_map: an unknown code stops the server (qpsmtpd skipped the line, so the
# address silently got the default), naming the file and the line.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
control map_example <<END
me OK
info REJECT User not found.
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map control/map_example: line 'info REJECT User not found.': unknown code REJECT
