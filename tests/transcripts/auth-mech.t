# RFC 4954 4: an unknown mechanism gets 504 5.5.4; a missing one or extra words 501 5.5.4; CRAM-MD5 takes no initial response.
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
> AUTH FOO
<= 504 5.5.4 Unrecognized authentication type
> AUTH DIGEST-MD5
<= 504 5.5.4 Unrecognized authentication type
> AUTH
<= 501 5.5.4 Syntax error: AUTH mechanism [initial-response]
> AUTH PLAIN AAAA BBBB
<= 501 5.5.4 Syntax error: AUTH mechanism [initial-response]
> AUTH CRAM-MD5 AAAA
<= 501 5.5.2 CRAM-MD5 takes no initial response
> QUIT
<~ 221 
exit 0
