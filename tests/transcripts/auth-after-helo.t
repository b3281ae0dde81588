# AUTH belongs to EHLO (RFC 4954 3): after HELO, or before any greeting, 503 5.5.1.
control me mx.example.test
control rcpthosts example.test
control flat_auth_pw good@example.com:good_pass
control tls_before_auth 0
control plugins <<END
relay
auth/auth_flat_file
auth/authdeny
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 503 5.5.1 AUTH is only valid after EHLO
> HELO c.example
<~ 250 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 503 5.5.1 AUTH is only valid after EHLO
> QUIT
<~ 221 
exit 0
