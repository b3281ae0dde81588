# LOGIN: a user name or password with a NUL, or empty, is malformed (501 5.5.2).
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
> AUTH LOGIN Z29vZABleGFtcGxlLmNvbQ==
<= 501 5.5.2 Malformed LOGIN response
> AUTH LOGIN
<= 334 VXNlcm5hbWU6
>
<= 501 5.5.2 Malformed LOGIN response
> AUTH LOGIN Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> Z29vZABwYXNz
<= 501 5.5.2 Malformed LOGIN response
> QUIT
<~ 221 
exit 0
