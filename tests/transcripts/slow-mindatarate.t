# control/mindatarate (issue 9, slow clients): a client whose average rate
# in DATA stays below the minimum for longer than timeoutsmtpd is cut off
# with 421 4.4.2 and a log line; nothing is queued, the exit is 111. Here
# 10 octets a second against a minimum of 1000, with timeoutsmtpd 2.
control me mx.example.test
control rcpthosts example.test
control mindatarate 1000
control timeoutsmtpd 2
control plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
timeout 6
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>~ Subject: 
sleep 1
>~ slowly...
sleep 1
>~ slowly...
sleep 1
>~ slowly...
<= 421 4.4.2 mx.example.test Data rate too low, closing connection
<eof
exit 111
queued 0
log warn data from 192\.0\.2\.7 below mindatarate; nothing queued
