# auth/auth_checkpassword without arguments reads control/smtpauth-checkpassword ("prog true").
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control smtpauth-checkpassword ${TESTS}/checkpassword-test /bin/true
control plugins <<END
auth/auth_checkpassword
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_checkpassword
> QUIT
<~ 221 
exit 0
