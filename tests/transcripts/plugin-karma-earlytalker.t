# karma: earlytalker's -1 for a client that talked before the greeting
# reaches the connection's karma note (here with reject 0, the session goes on).
control me mx.example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
control plugins <<END
karma
earlytalker reject 0
test/note karma at helo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
log info plugin=earlytalker fail, tolerated: Connecting host started transmitting before SMTP greeting
log plugin=test/note note karma=-1$
log plugin=karma neutral, \(msg: -1, his: 0\)
