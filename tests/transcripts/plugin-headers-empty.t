# headers: an empty message is refused whatever reject says (the client is
# wrong), with qpsmtpd's text.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
headers reject 0
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
> .
<= 554 5.7.1 You must send some data first
> QUIT
<~ 221 
exit 0
queued 0
