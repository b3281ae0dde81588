# earlytalker check-at CONNECT,DATA (a list) with reject_type temp: the polite
# client waits for its greeting, then pipelines its message with DATA: 451
# 4.7.1 (the core's data reply for DENYSOFT); nothing is queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
earlytalker check-at CONNECT,DATA reject_type temp
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<quiet 0.8
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
>{
> DATA
> Subject: rude
> .
>}
<= 451 4.7.1 Client started transmitting before the 354 (RFC 2920 3.1)
<= 500 5.5.1 Unrecognized command
<= 500 5.5.1 Unrecognized command
> QUIT
<~ 221 
exit 0
queued 0
log plugin=earlytalker pass: 192\.0\.2\.7 waited for the greeting
log plugin=earlytalker fail: 192\.0\.2\.7 sent data before the 354
