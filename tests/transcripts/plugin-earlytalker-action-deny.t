# earlytalker's legacy "action deny" is reject 1: given with reject 0, the
# action wins (doc/plugins/earlytalker); 554 and close.
control me mx.example.test
control plugins <<END
earlytalker reject 0 action deny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<= 554 Connecting host started transmitting before SMTP greeting
<eof
exit 0
