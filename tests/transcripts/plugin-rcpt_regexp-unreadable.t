# rcpt_regexp: an unreadable control file (a directory) is a configuration error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
file control/rcpt_regexp/x <<END
/x/ DENY
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_regexp unable to read control/rcpt_regexp: Is a directory
