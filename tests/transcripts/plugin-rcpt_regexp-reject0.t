# rcpt_regexp reject 0: a refusal of the file is only logged; OK lines still
# accept.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp reject 0
rcpt_ok
END
control loglevel 6
control rcpt_regexp <<END
/^info@/ DENY User not found.
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<info@example.test>
<= 250 2.1.5 <info@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log plugin=rcpt_regexp fail: <info@example.test> matches \^info@: DENY
log plugin=rcpt_regexp fail, tolerated: User not found\.
