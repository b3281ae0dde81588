# random_error 50 seed 10: every stage passes but data_post, whose DENYSOFT refuses the message for now.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
random_error 50 seed 10
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
> Subject: t
>
> hi
> .
<= 451 4.7.1 random failure
> QUIT
<~ 221 
exit 0
log fail: random failure at data_post \(DENYSOFT\)
queued 0
