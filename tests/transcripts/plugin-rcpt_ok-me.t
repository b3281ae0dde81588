# rcpt_ok: control/me is always ours.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@mx.example.test>
<= 250 2.1.5 <u@mx.example.test>, recipient ok
> RCPT TO:<u@MX.Example.Test>
<= 250 2.1.5 <u@MX.Example.Test>, recipient ok
> RCPT TO:<u@a.mx.example.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
