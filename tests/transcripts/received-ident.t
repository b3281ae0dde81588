# Received line with TCPREMOTEINFO and TCPREMOTEHOST: (info@host [ip]).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example.net
env TCPREMOTEINFO=alice
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
message <<END
Received: from c.example (alice@client.example.net [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTP; {{DATE}}
x
END
