# random_error 50 seed 1: connect and HELO pass, MAIL meets DENYSOFT_DISCONNECT: 421 and close.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
random_error 50 seed 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 421 4.7.1 random failure
<eof
exit 0
log fail: random failure at mail \(DENYSOFT_DISCONNECT\)
queued 0
