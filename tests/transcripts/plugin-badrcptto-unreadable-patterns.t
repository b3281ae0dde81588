# badrcptto: an unreadable control/badrcptto_patterns is a configuration error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
file control/badrcptto_patterns/x <<END
^x@
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badrcptto unable to read control/badrcptto_patterns: Is a directory
