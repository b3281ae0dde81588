# A header block over 256 KiB: 552 5.3.4 after the end of data, nothing queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
>* 3000 X-Filler-{n}: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
>
> body
> .
>}
<= 552 5.3.4 Header block too large
> NOOP
<= 250 2.0.0 OK
> QUIT
<~ 221 
exit 0
queued 0
