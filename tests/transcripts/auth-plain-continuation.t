# RFC 4954 4: AUTH PLAIN without initial response gets "334 " and reads the response line.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
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
> AUTH PLAIN
<= 334 
> AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_flat_file
> QUIT
<~ 221 
exit 0
