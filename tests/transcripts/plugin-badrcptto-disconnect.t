# badrcptto reject_type disconnect: 550 5.1.1, then the connection is closed.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto reject_type disconnect
rcpt_ok
END
control badrcptto nobody@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 550 5.1.1 mail to nobody@example.test not accepted here
<eof
exit 0
