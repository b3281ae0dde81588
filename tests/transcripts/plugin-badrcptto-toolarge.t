# badrcptto: a control file over the core's 4 MiB limit is not read: the plugin
# does not start, the log says why, every client gets 421 4.3.0.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
bigcontrol badrcptto 10485760 nobody{n}@example.test
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badrcptto unable to read control/badrcptto: File too large
