# earlytalker check-at DATA: a client that sends its message with DATA in one
# packet, before the 354 (RFC 2920 3.1), is refused at DATA; a client that
# waits for the 354 is not.
control me mx.example.test
control rcpthosts example.test
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
