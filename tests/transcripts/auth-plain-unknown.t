# An unknown user: auth_flat_file declines, authdeny (last) declines with its message, which the 535 carries (reference 5.2 item 62).
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
> AUTH PLAIN AG5vYm9keUBleGFtcGxlLmNvbQB4
<= 535 5.7.8 PLAIN authentication failed for nobody@example.com from 192.0.2.7 - nobody@example.com is not free to abuse my relay
> QUIT
<~ 221 
exit 0
