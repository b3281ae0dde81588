# earlytalker check-at DATA: a client that sends its message with DATA, before
# the 354 (RFC 2920 3.1: DATA ends a pipelining group), is refused at DATA
# (554 5.7.1); what it sent is then read as commands (500 each). A client that
# waits for the 354 is not refused. check-at DATA alone: no wait at connect.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
earlytalker check-at DATA wait 1
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: polite
>
> body
> .
>}
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
>{
> DATA
> Subject: rude
>
> body
> .
>}
<= 554 5.7.1 Client started transmitting before the 354 (RFC 2920 3.1)
<= 500 5.5.1 Unrecognized command
<= 500 5.5.1 Unrecognized command
<= 500 5.5.1 Unrecognized command
<= 500 5.5.1 Unrecognized command
> QUIT
<~ 221 
exit 0
queued 1
log plugin=earlytalker pass: 192\.0\.2\.7 waited for the 354
log plugin=earlytalker fail: 192\.0\.2\.7 sent data before the 354
nolog greeting
