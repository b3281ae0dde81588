# earlytalker defer-reject 1 (reference/qpsmtpd.md 5.2 #52): the early talker
# gets its greeting, and every MAIL is refused for now (450, whatever
# reject_type says); the note earlytalker is set.
control me mx.example.test
control loglevel 6
control plugins <<END
test/note earlytalker at mail
earlytalker wait 1 defer-reject 1 reject_type perm
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.7.1 Connecting host started transmitting before SMTP greeting
> RSET
<~ 250 
> MAIL FROM:<>
<= 450 4.7.1 Connecting host started transmitting before SMTP greeting
> QUIT
<~ 221 
exit 0
log plugin=earlytalker fail: 192\.0\.2\.7 talked before the greeting \(defer-reject: refused at MAIL\)
log plugin=earlytalker fail: MAIL from an early talker
log plugin=test/note note earlytalker=1
