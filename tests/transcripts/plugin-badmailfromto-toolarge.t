# badmailfromto: a control file over 4 MiB is refused: no start, 421 4.3.0.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto
rcpt_ok
END
bigcontrol badmailfromto 10485760 s{n}@bad.test victim@example.test
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badmailfromto unable to read control/badmailfromto: File too large
