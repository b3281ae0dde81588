# earlytalker (reference/qpsmtpd.md 4.1): a client that talks before the
# greeting is refused at connect with its text (554 and close: the core's connect code for
# DENY); nothing else is read from it.
control me mx.example.test
control loglevel 6
control plugins <<END
earlytalker wait 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ EHLO early.example\r\n
<= 554 Connecting host started transmitting before SMTP greeting
<eof
exit 0
log plugin=earlytalker fail: 192\.0\.2\.7 talked before the greeting
queued 0
