# RFC 4954 4: "*" cancels the exchange: 501 5.7.0, for PLAIN, LOGIN (either prompt) and CRAM-MD5 (qpsmtpd never recognised it, reference 7.7).
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
> *
<= 501 5.7.0 Authentication canceled
> AUTH LOGIN
<= 334 VXNlcm5hbWU6
> *
<= 501 5.7.0 Authentication canceled
> AUTH LOGIN Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> *
<= 501 5.7.0 Authentication canceled
> AUTH CRAM-MD5
<* 334 [A-Za-z0-9+/]+=*
> *
<= 501 5.7.0 Authentication canceled
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 2.7.0 
> QUIT
<~ 221 
exit 0
