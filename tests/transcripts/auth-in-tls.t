# Inside TLS (SSL_PROTOCOL set by sslserver/s6-tlsd) with the default
# tls_before_auth 1, AUTH is offered and works; Received says ESMTPSA (RFC 3848).
control me mx.example.test
control rcpthosts example.test
control flat_auth_pw good@example.com:good_pass
env SSL_PROTOCOL=TLSv1.2
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
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 250 2.1.5 
> DATA
<~ 354 
> Subject: x
>
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
Authentication-Results: mx.example.test; auth=pass (plain) smtp.auth=good@example.com
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTPSA{{ANY}}; {{DATE}}
Subject: x

END
