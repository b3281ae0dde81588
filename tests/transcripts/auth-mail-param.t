# RFC 4954 5: MAIL's AUTH= parameter never refuses mail, authenticated or not,
# well-formed xtext or not.
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
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> AUTH=<>
<~ 250 2.1.0 
> RSET
<~ 250 
> MAIL FROM:<a@b.test> AUTH=e+2Bx@example.com SIZE=10
<~ 250 2.1.0 
> RSET
<~ 250 
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 
> MAIL FROM:<a@b.test> AUTH=bad+zz
<~ 250 2.1.0 
> RSET
<~ 250 
> MAIL FROM:<a@b.test> AUTH=good@example.com
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
