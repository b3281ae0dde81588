# rcpt_regexp: DENYHARD is qpsmtpd's old name of DENY_DISCONNECT.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
old@example.test DENYHARD Go away
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<new@example.test>
<= 250 2.1.5 <new@example.test>, recipient ok
> RCPT TO:<old@example.test>
<= 550 5.7.1 Go away
<eof
exit 0
