# loop reject_type temp_disconnect: 421 4.4.6 Too many hops (the class of
# 5.4.6 follows the reply's), and the connection is closed.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
loop 2 reject_type temp_disconnect
rcpt_ok
queue/qmail-queue
END
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
> Received: from h1.example by x.example; Sun, 22 Nov 2026 04:16:14 +0000
>
> body
> .
>}
<= 421 4.4.6 Too many hops
<eof
queued 0
