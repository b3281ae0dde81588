# rcpt_regexp: without control/rcpt_regexp, no check.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
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
