# Hop counting: 99 Received + Delivered-To header fields are accepted, 100 are refused
# with 554 5.4.6 after the end of data; nothing in the body counts.
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
>* 98 Received: from h{n}.example by x.example; Sun, 22 Nov 2026 04:16:14 +0000
> Delivered-To: u@example.test
>
>* 5 Received: in the body does not count
> .
>}
<~ 250 2.0.0 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
>* 99 Received: from h{n}.example by x.example; Sun, 22 Nov 2026 04:16:14 +0000
> Delivered-To: u@example.test
>
> body
> .
>}
<= 554 5.4.6 Too many hops, this message is looping
> QUIT
<~ 221 
exit 0
queued 1
