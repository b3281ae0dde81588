# earlytalker: an earlytalker_wait note that is no number is logged and the
# argument is used instead (wait 0: the greeting at once).
control me mx.example.test
control plugins <<END
test/note earlytalker_wait soon
earlytalker wait 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 3
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log warn plugin=earlytalker warning: note earlytalker_wait is not a number of seconds: soon
