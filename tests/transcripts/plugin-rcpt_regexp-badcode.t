# rcpt_regexp: an unknown code stops the server, naming the file and the line.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
info@example.test REJECT User not found.
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_regexp control/rcpt_regexp: line 'info@example.test REJECT User not found.': unknown code REJECT
