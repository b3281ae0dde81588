# control/tls_required: AUTH only inside TLS (538 5.7.11, RFC 4954 6), even with tls_before_auth 0.
control me mx.example.test
control rcpthosts example.test
control flat_auth_pw good@example.com:good_pass
control tls_before_auth 0
control tls_required 1
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
> AUTH LOGIN
<= 538 5.7.11 Encryption required for requested authentication mechanism
> QUIT
<~ 221 
exit 0
