# rcpt_regexp: every line names its verdict, so reject_type has no meaning:
# a configuration error rather than an argument silently ignored.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp reject_type temp
rcpt_ok
END
control rcpt_regexp /x/ DENY
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_regexp reject_type has no meaning here
