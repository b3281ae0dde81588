# RFC 4954 4: AUTH after a successful AUTH gets 503 5.5.1; EHLO stops offering it.
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
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 2.7.0 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 503 5.5.1 Already authenticated
> QUIT
<~ 221 
exit 0
