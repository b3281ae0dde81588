# rcpt_ok: an address literal is ours only when listed (TEST-NET-3 addresses:
# a literal naming one of this host's own addresses is localiphost's business).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts <<END
example.test
[203.0.113.1]
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@[203.0.113.1]>
<= 250 2.1.5 <u@[203.0.113.1]>, recipient ok
> RCPT TO:<u@[203.0.113.2]>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
