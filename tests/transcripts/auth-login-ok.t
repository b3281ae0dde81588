# AUTH LOGIN: "Username:" and "Password:" prompts, in base64 (reference 5.2 item 67).
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
> AUTH LOGIN
<= 334 VXNlcm5hbWU6
> Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> Z29vZF9wYXNz
<= 235 2.7.0 LOGIN authentication successful for good@example.com - auth_flat_file
> QUIT
<~ 221 
exit 0
