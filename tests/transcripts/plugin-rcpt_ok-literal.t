# rcpt_ok: an address literal is ours only when listed.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts <<END
example.test
[192.0.2.1]
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@[192.0.2.1]>
<= 250 2.1.5 <u@[192.0.2.1]>, recipient ok
> RCPT TO:<u@[192.0.2.2]>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
