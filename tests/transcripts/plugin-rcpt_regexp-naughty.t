# rcpt_regexp reject naughty: the refusal is stored with the line's verdict
# and delivered by naughty (listed after it).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp reject naughty
naughty
rcpt_ok
END
control rcpt_regexp <<END
/^info@/ DENYSOFT User not found.
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<info@example.test>
<= 450 4.7.1 (rcpt_regexp) User not found.
> QUIT
<~ 221 
exit 0
