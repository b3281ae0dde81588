# earlytalker's legacy "action denysoft" is reject_type temp: 421 and close.
control me mx.example.test
control plugins <<END
earlytalker action denysoft
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<= 421 Connecting host started transmitting before SMTP greeting
<eof
exit 0
