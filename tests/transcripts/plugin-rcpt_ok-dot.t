# rcpt_ok: a '.domain' entry matches every subdomain, not the domain itself (qmail).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts .example.test
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@a.example.test>
<= 250 2.1.5 <u@a.example.test>, recipient ok
> RCPT TO:<u@a.b.example.test>
<= 250 2.1.5 <u@a.b.example.test>, recipient ok
> RCPT TO:<u@A.EXAMPLE.test>
<= 250 2.1.5 <u@A.EXAMPLE.test>, recipient ok
> RCPT TO:<u@example.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@aexample.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
