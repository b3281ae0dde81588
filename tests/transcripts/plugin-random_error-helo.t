# random_error 50 seed 4: connect passes, HELO fails for now with the text "random failure" (DENYSOFT:
# the session goes on). The sequence of a seed is fixed (splitmix64, doc/plugins/random_error).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
control plugins <<END
random_error 50 seed 4
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<= 450 random failure
> QUIT
<~ 221 
exit 0
log debug plugin=random_error pass: connect
log info plugin=random_error fail: random failure at helo \(DENYSOFT\)
