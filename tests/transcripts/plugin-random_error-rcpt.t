# random_error 50 seed 54: RCPT meets DENYSOFT: 450 4.7.1 random failure, the session goes on.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error 50 seed 54
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 450 4.7.1 random failure
> QUIT
<~ 221 
exit 0
