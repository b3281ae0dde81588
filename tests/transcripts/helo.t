# HELO: empty argument, the 250 reply, a second HELO/EHLO.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example.net
<~ 220 mx.example.test ESMTP
> HELO
<= 501 5.5.4 helo requires domain/address - see RFC 5321 4.1.1.1
> HELO client.example
<= 250 mx.example.test Hi client.example.net [192.0.2.7]; I am so happy to meet you.
> HELO again.example
<= 250 mx.example.test Hi client.example.net [192.0.2.7]; I am so happy to meet you.
> EHLO again.example
<= 250-mx.example.test Hi client.example.net [192.0.2.7]
<+ 250
> QUIT
<~ 221 2.0.0
<eof
exit 0
