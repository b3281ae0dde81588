# earlytalker defer-reject 1: the early talker gets its greeting, and every
# MAIL is refused for now (450), as qpsmtpd does.
control me mx.example.test
control plugins <<END
earlytalker wait 1 defer-reject 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.7.1 Connecting host started transmitting before SMTP greeting
> QUIT
<~ 221 
exit 0
