# RFC 4954 4: a response that is not base64 gets 501 5.5.2 (initial response and continuation line).
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
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXN
<= 501 5.5.2 Cannot decode the AUTH response (base64 expected)
> AUTH PLAIN
<= 334 
> !!!!
<= 501 5.5.2 Cannot decode the AUTH response (base64 expected)
> AUTH LOGIN
<= 334 VXNlcm5hbWU6
> Z29vZEBleGFtcGxlLmNvbQ=
<= 501 5.5.2 Cannot decode the AUTH response (base64 expected)
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 2.7.0 
> QUIT
<~ 221 
exit 0
