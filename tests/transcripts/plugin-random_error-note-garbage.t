# random_error: a random_fail_% note that is no percentage is logged and the argument (0) applies.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
test/note random_fail_% lots
random_error 0
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log warn plugin=random_error warning: note random_fail_% is not a percentage: lots
