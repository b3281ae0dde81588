# EHLO reply without a size limit; empty EHLO argument.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example.net
<~ 220 mx.example.test ESMTP
> EHLO
<= 501 5.5.4 ehlo requires domain/address - see RFC 5321 4.1.1.1
> EHLO client.example
<= 250-mx.example.test Hi client.example.net [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250 ENHANCEDSTATUSCODES
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
