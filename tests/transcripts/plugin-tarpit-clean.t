# tarpit: a client without a tarpit or naughty note is not delayed (naughty 5 would exceed the 4 s step limit).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
timeout 4
control plugins <<END
tarpit naughty 5
rcpt_ok
queue/qmail-queue
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 mx.example.test Hi
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
nolog delaying
