# auth_flat_file: a wrong password is DENY: 535 5.7.8 with the plugin message and the client address (reference 5.2 item 61), logged at notice.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control flat_auth_pw <<END
# users
good@example.com:good_pass
END
control plugins <<END
relay
auth/auth_flat_file
auth/authdeny
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AYmFkX3Bhc3M=
<= 535 5.7.8 PLAIN authentication failed for good@example.com from 192.0.2.7 - auth_flat_file - wrong password
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 5.7.1 
> QUIT
<~ 221 
exit 0
log ^qcsmtpd: [0-9]+ notice AUTH PLAIN failed for good@example.com from 192.0.2.7$
