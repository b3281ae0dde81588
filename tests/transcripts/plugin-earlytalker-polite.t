# earlytalker: a client that waits for the greeting goes on normally; the
# greeting comes after the wait.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
check_earlytalker wait 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 5
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=check_earlytalker pass: 192\.0\.2\.7 waited for the greeting
