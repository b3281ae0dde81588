# After HELO the Received line says SMTP; unknown host; odd HELO characters become '?'.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO we(ird)host
<~ 250 
> MAIL FROM:<>
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
Received: from we?ird?host (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with SMTP; {{DATE}}
x
END
envelope F\0Tu@example.test\0\0
