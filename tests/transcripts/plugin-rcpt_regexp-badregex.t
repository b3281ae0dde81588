# rcpt_regexp: a regex that does not compile stops the server (qpsmtpd skipped
# the line: with first-match rules, a skipped line changes what the later
# lines decide). The log names the file and the line.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
/^(unclosed@/ DENY x
/.*/ OK
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_regexp control/rcpt_regexp: line '/\^\(unclosed@/ DENY x': bad regex: 
