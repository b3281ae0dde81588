# 100 recipients are accepted, the 101st gets 452 4.5.3; the message goes to 100.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 
>* 101 RCPT TO:<u{n}@example.test>
<+ 250 100
<= 452 4.5.3 Too many recipients
> DATA
<~ 354 
> hi
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
