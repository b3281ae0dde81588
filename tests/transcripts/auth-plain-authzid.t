# RFC 4616 2: an authorization identity other than the authentication identity is refused (535); the same one is accepted.
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
> AUTH PLAIN b3RoZXIAZ29vZEBleGFtcGxlLmNvbQBnb29kX3Bhc3M=
<= 535 5.7.8 PLAIN authentication failed for good@example.com from 192.0.2.7 - authorization identity differs from authentication identity
> AUTH PLAIN Z29vZEBleGFtcGxlLmNvbQBnb29kQGV4YW1wbGUuY29tAGdvb2RfcGFzcw==
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_flat_file
> QUIT
<~ 221 
exit 0
