# auth/auth_checkpassword: a program that cannot be run is our fault: 454 4.7.0 and a log line.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control plugins <<END
auth/auth_checkpassword checkpw /nonexistent true /bin/true
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 454 4.7.0 PLAIN authentication temporarily failed for good@example.com from 192.0.2.7 - auth_checkpassword - temporary failure
> QUIT
<~ 221 
exit 0
log error plugin=auth/auth_checkpassword error: unable to run .*/nonexistent: No such file
