# badrcptto: an unreadable control/badrcptto (here a directory) is a
# configuration error: 421 4.3.0 for every client, exit 100.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
file control/badrcptto/x <<END
nobody@example.test
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badrcptto unable to read control/badrcptto: Is a directory
queued 0
