# A full transaction with the default plugin list: relaying refused for a foreign
# domain, dot-unstuffing, CRLF -> LF, the Received line, the envelope, qp <pid>.
control me mx.example.test
control rcpthosts <<END
example.test
.example.test
END
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example.net
env QQ_ENVLOG=1
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> EHLO client.example
<+ 250
> MAIL FROM:<a@b.test>
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<u@sub.example.test>
<= 250 2.1.5 <u@sub.example.test>, recipient ok
> RCPT TO:<u@other.test>
<* 550 5\.7\.1 .*
> DATA
<= 354 go ahead, end data with <CR><LF>.<CR><LF>
> Subject: hi
>
> body
> ..dot
> ...two
> . 
> .
<* 250 2\.0\.0 .*\bqp [0-9]+.*
queued 1
message <<END
Received: from client.example (client.example.net [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTP; {{DATE}}
Subject: hi

body
.dot
..two
 
END
envelope Fa@b.test\0Tu@example.test\0Tu@sub.example.test\0\0
# the queue child sees the environment and no leaked descriptors
qqinfo ^TCPREMOTEIP=192\.0\.2\.7$
qqinfo ^RELAYCLIENT unset$
qqinfo ^leaks=$
# the transaction is reset after DATA
> RCPT TO:<u@example.test>
<= 503 5.5.1 MAIL first
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
