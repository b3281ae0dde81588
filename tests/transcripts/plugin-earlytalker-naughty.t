# earlytalker reject naughty: the refusal is stored, the early talker is
# greeted, and naughty delivers it at the stage it was given (MAIL), with the
# default reject_type of naughty (disconnect): 550 and close.
control me mx.example.test
control loglevel 6
control plugins <<END
earlytalker reject naughty
naughty reject mail
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> MAIL FROM:<a@b.test>
<= 550 5.7.1 (earlytalker) Connecting host started transmitting before SMTP greeting
<eof
exit 0
log plugin=earlytalker fail, deferred to naughty
