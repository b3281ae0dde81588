# earlytalker: the note earlytalker_wait (2) lengthens a wait of 0: nothing
# for 1.5 s, then the greeting.
control me mx.example.test
control plugins <<END
test/note earlytalker_wait 2
earlytalker wait 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<quiet 1.5
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
