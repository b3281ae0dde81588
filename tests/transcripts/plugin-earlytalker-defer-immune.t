# earlytalker defer-reject 1: a client that became immune after connect (here
# the note whitelisthost, set at MAIL by a plugin listed earlier; likewise
# after AUTH) is no longer refused at MAIL.
control me mx.example.test
control loglevel 6
control plugins <<END
test/note whitelisthost yes at mail
earlytalker defer-reject 1
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
log plugin=earlytalker fail: 192\.0\.2\.7 talked before the greeting
log plugin=earlytalker skip: 192\.0\.2\.7 is immune \(whitelisthost\)
