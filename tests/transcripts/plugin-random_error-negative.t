# random_error -1: a negative percentage turns it off (qpsmtpd's rule), even with a seed that fails at once at 100.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
random_error -1 seed 23
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
nolog fail:
