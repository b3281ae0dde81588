# rcpt_regexp: an exact entry without @ can never match: a warning at start.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control loglevel 4
control rcpt_regexp <<END
info DENY x
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
log plugin=rcpt_regexp warning: control/rcpt_regexp: no @ in info: it can never match
