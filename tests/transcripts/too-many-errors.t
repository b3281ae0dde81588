# After 20 error replies in one session: 421 4.7.0 and the connection is closed.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
>* 10 BOGUS{n}
>* 5 RCPT TO:<x@y.test>
>* 4 MAIL FROM:<x@y.test>
<+ 500 10
<+ 503 5
<+ 503 4
> HELO
<= 501 5.5.4 helo requires domain/address - see RFC 5321 4.1.1.1
<= 421 4.7.0 mx.example.test Too many errors, closing connection
<eof
exit 0
