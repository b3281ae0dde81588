# rcpt_regexp: DENYSOFT_DISCONNECT gives 421 with the comment and closes;
# DENYHARD is qpsmtpd's old name of DENY_DISCONNECT; codes in any case.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
/^later@/  denysoft_disconnect Shutting down
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<later@example.test>
<= 421 4.7.1 Shutting down
<eof
exit 0
