# earlytalker "action log" (Debian 0.94's default plugins file) and reject 0:
# the early talk is only logged; the session goes on.
control me mx.example.test
control loglevel 6
control plugins <<END
check_earlytalker action log
earlytalker:1 reject 0 wait 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
log info plugin=check_earlytalker fail: 192\.0\.2\.7 talked before the greeting$
log info plugin=check_earlytalker fail, tolerated: Connecting host started transmitting before SMTP greeting
log info plugin=earlytalker:1 fail, tolerated: Connecting host started transmitting before SMTP greeting
