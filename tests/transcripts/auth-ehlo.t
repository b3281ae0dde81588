# RFC 4954 3: with auth_flat_file, EHLO offers PLAIN LOGIN CRAM-MD5, in that fixed order.
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
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-AUTH PLAIN LOGIN CRAM-MD5
<= 250 ENHANCEDSTATUSCODES
> QUIT
<~ 221 
exit 0
