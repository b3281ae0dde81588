# control/auth_fail_limit "1 600": after one failed AUTH from the address the
# next AUTH gets RFC 4954 6's 454 4.7.0 without the password being checked
# (the right one here); the session goes on.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control store_dir ${TMP}/store
file store/.keep <<END
END
control auth_fail_limit 1 600
control flat_auth_pw <<END
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
env QCSMTPD_TEST_NOW=1800000000
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AYmFkX3Bhc3M=
<= 535 5.7.8 PLAIN authentication failed for good@example.com from 192.0.2.7 - auth_flat_file - wrong password
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 454 4.7.0 Temporary authentication failure
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 5.7.1 
> QUIT
<~ 221 
exit 0
log ^qcsmtpd: [0-9]+ notice AUTH PLAIN throttled for good@example.com from 192.0.2.7: too many failures for the address \(auth_fail_limit\)$
nolog AUTH PLAIN succeeded
