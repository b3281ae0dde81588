# An $include loop is an error: in control/plugins it is a configuration error
# (421 4.3.0 at the greeting, exit 100).
control me mx.example.test
control plugins <<END
rcpt_ok
$include plugins.more
END
control plugins.more <<END
queue/qmail-queue
$include plugins
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
