# auth_flat_file declines a user name without @domain; authdeny gives the 535 text.
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
> AUTH PLAIN AGdvb2QAZ29vZF9wYXNz
<= 535 5.7.8 PLAIN authentication failed for good from 192.0.2.7 - good is not free to abuse my relay
> QUIT
<~ 221 
exit 0
