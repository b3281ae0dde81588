# control/maxrcpt lowers the recipient limit.
control me mx.example.test
control rcpthosts example.test
control maxrcpt 2
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
>* 3 RCPT TO:<u{n}@example.test>
<+ 250 2
<= 452 4.5.3 Too many recipients
> QUIT
<~ 221 
exit 0
