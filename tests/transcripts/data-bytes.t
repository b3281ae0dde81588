# Byte transparency: NUL and 8-bit pass, a leading dot is removed once, long lines,
# a line of only dots; the first body line may be "..".
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> BODY=8BITMIME
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>~ ..first\r\nnul:\0:end\r\n8bit:\xe9\xff\r\n....\r\n.\r\n
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTP; {{DATE}}
.first
nul:{{x00}}:end
8bit:{{xe9}}{{xff}}
...
END
