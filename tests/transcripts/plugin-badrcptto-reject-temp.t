# badrcptto reject_type temp: 450 with the enhanced code in class 4 (4.1.1).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto reject_type temp
rcpt_ok
END
control badrcptto nobody@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 450 4.1.1 mail to nobody@example.test not accepted here
> QUIT
<~ 221 
exit 0
