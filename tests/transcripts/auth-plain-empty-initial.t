# RFC 4954 4: "=" is an empty initial response: a PLAIN message without two NULs is malformed (501 5.5.2).
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
> AUTH PLAIN =
<= 501 5.5.2 Malformed PLAIN response
> AUTH PLAIN Z29vZEBleGFtcGxlLmNvbQBnb29kX3Bhc3M=
<= 501 5.5.2 Malformed PLAIN response
> QUIT
<~ 221 
exit 0
