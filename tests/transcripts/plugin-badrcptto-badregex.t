# badrcptto: a pattern that does not compile is a configuration error naming
# the file and the pattern (skipping it would let its recipients through).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control badrcptto_patterns <<END
^ok@example\.test$
^(unclosed@.*$
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badrcptto control/badrcptto_patterns: bad pattern \^\(unclosed@
