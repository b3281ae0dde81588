# RFC 4616 AUTH PLAIN with an initial response; then relaying is allowed (250), with ESMTPA and Authentication-Results in the queued message (RFC 3848, RFC 8601).
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
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 5.7.1 
> RSET
<~ 250 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_flat_file
> MAIL FROM:<a@b.test> AUTH=good+2Bx@example.com
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> DATA
<~ 354 
> Authentication-Results: mx.example.test; auth=pass (plain) smtp.auth=forged@example.com
> Authentication-Results: other.example; spf=pass
> Subject: hi
>
> body
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@b.test\0Tu@elsewhere.test\0\0
message <<END
Authentication-Results: mx.example.test; auth=pass (plain) smtp.auth=good@example.com
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTPA; {{DATE}}
Authentication-Results: other.example; spf=pass
Subject: hi
Original-Authentication-Results: mx.example.test; auth=pass (plain) smtp.auth=forged@example.com

body
END
