# earlytalker: a connection note karma_history above 5 makes the client
# immune, as qpsmtpd's earlytalker.
control me mx.example.test
control loglevel 6
control plugins <<END
test/note karma_history 6
earlytalker
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=earlytalker skip: 192\.0\.2\.7 is immune \(karma_history above 5\)
