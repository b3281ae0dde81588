# random_error 50 seed 4: the same draw at EHLO: 450 random failure.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error 50 seed 4
rcpt_ok
END
<~ 220 
> EHLO c.example
<= 450 random failure
> QUIT
<~ 221 
exit 0
