# earlytalker reject_type temp: the core's connect reply for DENYSOFT, 421,
# and the connection closes (RFC 5321 3.8).
control me mx.example.test
control plugins <<END
earlytalker reject_type temp
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<= 421 Connecting host started transmitting before SMTP greeting
<eof
exit 0
