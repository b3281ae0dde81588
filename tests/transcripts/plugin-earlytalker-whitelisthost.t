# earlytalker: a client with the connection note whitelisthost (set by an
# earlier plugin) is immune.
control me mx.example.test
control loglevel 6
control plugins <<END
test/note whitelisthost 1
earlytalker
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
>~ HELO early.example\r\n
<~ 220 
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=earlytalker skip: 192\.0\.2\.7 is immune \(whitelisthost\)
