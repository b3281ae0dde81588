# Greeting without smtpgreeting, then QUIT (spec-core: Greeting, QUIT).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
queued 0
