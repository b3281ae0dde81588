# tls_before_auth defaults to 1: outside TLS, EHLO offers no AUTH and AUTH gets
# 538 5.7.11 (RFC 4954 6), stricter than qpsmtpd (which hid AUTH only while
# STARTTLS was on offer).
control me mx.example.test
control rcpthosts example.test
control flat_auth_pw good@example.com:good_pass
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
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250 ENHANCEDSTATUSCODES
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 538 5.7.11 Encryption required for requested authentication mechanism
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 5.7.1 
> QUIT
<~ 221 
exit 0
