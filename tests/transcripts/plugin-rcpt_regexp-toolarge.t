# rcpt_regexp: a control file over 4 MiB is refused: no start, 421 4.3.0.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
bigcontrol rcpt_regexp 10485760 u{n}@example.test DENY No such user
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_regexp unable to read control/rcpt_regexp: File too large
