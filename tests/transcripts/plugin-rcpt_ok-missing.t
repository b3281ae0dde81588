# rcpt_ok: without rcpthosts qmail-smtpd accepts everything (open relay); we accept
# only me (and morercpthosts.cdb) and log a warning, once.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 4
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@mx.example.test>
<= 250 2.1.5 <u@mx.example.test>, recipient ok
> RCPT TO:<x@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
log warn plugin=rcpt_ok .*rcpthosts is missing
nolog (?s)rcpthosts is missing.*rcpthosts is missing
