# auth/auth_checkpassword: exit 111 is a temporary failure (454 4.7.0, not a
# failed attempt), exit 2 (misuse) a failure (535), death by a signal 454.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control plugins <<END
auth/auth_checkpassword checkpw ${TESTS}/checkpassword-test true /bin/true
auth/authdeny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AdGVtcGZhaWw=
<= 454 4.7.0 PLAIN authentication temporarily failed for good@example.com from 192.0.2.7 - auth_checkpassword - temporary failure
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AbWlzdXNl
<= 535 5.7.8 PLAIN authentication failed for good@example.com from 192.0.2.7 - auth_checkpassword - bad password
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20Ac2lnbmFs
<= 454 4.7.0 PLAIN authentication temporarily failed for good@example.com from 192.0.2.7 - auth_checkpassword - temporary failure
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AdGVtcGZhaWw=
<~ 454 4.7.0 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 2.7.0 
> QUIT
<~ 221 
exit 0
log warn plugin=auth/auth_checkpassword checkpassword: temporary failure \(exit 111\)
log notice AUTH PLAIN temporarily failed for good@example.com from 192.0.2.7
log warn plugin=auth/auth_checkpassword checkpassword exited 2
log error plugin=auth/auth_checkpassword error: checkpassword killed by signal 15
