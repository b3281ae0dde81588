# ".CRLF" as the very first line ends an empty message.
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
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with SMTP; {{DATE}}
END
