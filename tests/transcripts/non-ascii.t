# Non-ASCII in an address: 553 5.6.7 (no SMTPUTF8).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
>~ MAIL FROM:<j\xc3\xb6rg@b.test>\r\n
<= 553 5.6.7 Non-ASCII addresses are not supported
> MAIL FROM:<a@b.test>
<~ 250 
>~ RCPT TO:<\xc3\xbc@example.test>\r\n
<= 553 5.6.7 Non-ASCII addresses are not supported
> QUIT
<~ 221 
exit 0
