# earlytalker: relay clients are immune (qpsmtpd's is_immune); relay is
# listed first so that it has decided at connect (doc/plugins/ORDER).
control me mx.example.test
control loglevel 6
control plugins <<END
relay
earlytalker
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=earlytalker skip: 192\.0\.2\.7 is immune \(relay client\)
nolog fail
