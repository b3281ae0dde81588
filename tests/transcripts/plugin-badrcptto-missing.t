# badrcptto: without control/badrcptto and badrcptto_patterns, no check.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 250 2.1.5 <nobody@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
