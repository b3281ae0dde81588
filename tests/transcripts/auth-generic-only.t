# Only a generic auth hook (auth/authdeny): PLAIN and LOGIN are offered, not
# CRAM-MD5 (no plugin could verify it); every attempt fails with authdeny's text.
control me mx.example.test
control rcpthosts example.test
control flat_auth_pw good@example.com:good_pass
control tls_before_auth 0
control plugins <<END
auth/authdeny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-AUTH PLAIN LOGIN
<= 250 ENHANCEDSTATUSCODES
> AUTH CRAM-MD5
<= 504 5.5.4 Unrecognized authentication type
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 535 5.7.8 PLAIN authentication failed for good@example.com from 192.0.2.7 - good@example.com is not free to abuse my relay
> QUIT
<~ 221 
exit 0
