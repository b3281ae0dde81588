# earlytalker (reference/qpsmtpd.md 4.1): a client that talks before the
# greeting is refused at connect with qpsmtpd's text, with the core's connect
# code for DENY (554, qpsmtpd: 550) and no greeting, and the connection closes.
control me mx.example.test
control loglevel 6
control plugins <<END
earlytalker wait 1
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
>~ EHLO early.example\r\nMAIL FROM:<a@b.test>\r\n
<= 554 Connecting host started transmitting before SMTP greeting
<eof
exit 0
log info plugin=earlytalker fail: 192\.0\.2\.7 talked before the greeting$
nolog reply 220
nolog reply 250
queued 0
