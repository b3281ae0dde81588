# badmailfromto: an unreadable control file (a directory) is a configuration error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto
rcpt_ok
END
file control/badmailfromto/x <<END
a@b.test c@d.test
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=badmailfromto unable to read control/badmailfromto: Is a directory
