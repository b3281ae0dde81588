# rcpt_ok: a relay client may send anywhere.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
env RELAYCLIENT=
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
