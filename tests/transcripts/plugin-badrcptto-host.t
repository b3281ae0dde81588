# badrcptto: an @host entry refuses every recipient at that host (any case),
# not at its subdomains; the reply names the entry.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control rcpthosts <<END
example.test
.example.test
END
control badrcptto @retired.example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@retired.example.test>
<= 550 5.1.1 mail to @retired.example.test not accepted here
> RCPT TO:<v@RETIRED.example.test>
<= 550 5.1.1 mail to @retired.example.test not accepted here
> RCPT TO:<u@sub.retired.example.test>
<= 250 2.1.5 <u@sub.retired.example.test>, recipient ok
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
