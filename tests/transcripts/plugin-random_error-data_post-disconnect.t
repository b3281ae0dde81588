# random_error 50 seed 49: the end of DATA meets DENYSOFT_DISCONNECT: 421 4.7.1 and close, nothing queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error 50 seed 49
rcpt_ok
queue/qmail-queue
END
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
<= 421 4.7.1 random failure
<eof
exit 0
queued 0
