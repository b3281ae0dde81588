# rcpt_ok: morercpthosts.cdb keys: the domain, or '.suffix' for subdomains
# (candidates a.b.c, .b.c, .c as qmail); keys are lower case.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
cdb morercpthosts.cdb <<END
more.test
.sub.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@more.test>
<= 250 2.1.5 <u@more.test>, recipient ok
> RCPT TO:<u@MORE.test>
<= 250 2.1.5 <u@MORE.test>, recipient ok
> RCPT TO:<u@x.more.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@a.sub.test>
<= 250 2.1.5 <u@a.sub.test>, recipient ok
> RCPT TO:<u@a.b.sub.test>
<= 250 2.1.5 <u@a.b.sub.test>, recipient ok
> RCPT TO:<u@sub.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
