# random_error 50 seed 14: DATA meets DENYSOFT_DISCONNECT: 421 and close, nothing queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error 50 seed 14
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
<= 421 4.7.1 random failure
<eof
exit 0
queued 0
