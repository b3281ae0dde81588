# earlytalker defer-reject 1 with reject 0: MAIL is accepted and the refusal
# only logged.
control me mx.example.test
control loglevel 6
control plugins <<END
earlytalker defer-reject 1 reject 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
log plugin=earlytalker fail, tolerated: Connecting host started transmitting before SMTP greeting
