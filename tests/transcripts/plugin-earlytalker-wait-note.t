# earlytalker: the connection note earlytalker_wait (0 here) overrides the
# wait argument (30 s): the greeting comes at once.
control me mx.example.test
control loglevel 6
control plugins <<END
test/note earlytalker_wait 0
earlytalker wait 30
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 3
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log plugin=earlytalker pass: 192\.0\.2\.7 waited for the greeting
