# auth/auth_checkpassword: a program that does not answer within
# timeoutsmtpd (capped at 30 s) is killed: 454 4.7.0 and a log line.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control timeoutsmtpd 2
timeout 8
control plugins <<END
auth/auth_checkpassword checkpw ${TESTS}/checkpassword-test true /bin/true
auth/authdeny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AaGFuZw==
<= 454 4.7.0 PLAIN authentication temporarily failed for good@example.com from 192.0.2.7 - auth_checkpassword - temporary failure
> QUIT
<~ 221 
exit 0
log error plugin=auth/auth_checkpassword error: .*/checkpassword-test did not answer in time, killed
