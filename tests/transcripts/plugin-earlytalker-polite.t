# earlytalker under its old name: a client that waits for the greeting gets
# it after the wait (1 s: nothing comes before) and goes on normally.
control me mx.example.test
control loglevel 6
control plugins <<END
check_earlytalker wait 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<quiet 0.8
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 mx.example.test Hi
> QUIT
<~ 221 
exit 0
log info plugin=check_earlytalker pass: 192\.0\.2\.7 waited for the greeting
nolog fail
