# rcpt_ok: morercpthosts.cdb is used even without rcpthosts (qmail ignored it then).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
cdb morercpthosts.cdb <<END
more.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@more.test>
<= 250 2.1.5 <u@more.test>, recipient ok
> RCPT TO:<u@example.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
