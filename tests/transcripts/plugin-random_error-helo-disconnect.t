# random_error 50 seed 21: HELO meets DENYSOFT_DISCONNECT: 421 random failure (no enhanced code at HELO) and close.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error 50 seed 21
rcpt_ok
END
<~ 220 
> HELO c.example
<= 421 random failure
<eof
exit 0
