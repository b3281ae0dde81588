# earlytalker: a karma_history of 5 is not above 5: the early talker is
# refused.
control me mx.example.test
control plugins <<END
test/note karma_history 5
earlytalker
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<= 554 Connecting host started transmitting before SMTP greeting
<eof
exit 0
