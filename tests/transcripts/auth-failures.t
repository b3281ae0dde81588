# AUTH_FAILURES_MAX (3): the third failed AUTH gets 421 4.7.0 and the connection closes.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
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
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AYmFkX3Bhc3M=
<~ 535 5.7.8 
> AUTH PLAIN AG5vYm9keUBleGFtcGxlLmNvbQB4
<~ 535 5.7.8 
> AUTH LOGIN Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> YmFk
<= 421 4.7.0 mx.example.test Too many failed AUTH attempts, closing connection
<eof
exit 0
log notice AUTH LOGIN failed for good@example.com from 192.0.2.7
