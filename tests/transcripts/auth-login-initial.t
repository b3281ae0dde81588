# AUTH LOGIN with the user name as initial response; a wrong password gets 535.
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
> AUTH LOGIN Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> YmFk
<= 535 5.7.8 LOGIN authentication failed for good@example.com from 192.0.2.7 - auth_flat_file - wrong password
> AUTH login Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> Z29vZF9wYXNz
<= 235 2.7.0 LOGIN authentication successful for good@example.com - auth_flat_file
> QUIT
<~ 221 
exit 0
