# earlytalker check-at DATA only: talking before the greeting is not checked.
control me mx.example.test
control loglevel 6
control plugins <<END
earlytalker check-at data
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
nolog plugin=earlytalker
