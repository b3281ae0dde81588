# PIPELINING (RFC 2920): a group in one write gets every reply, in order; a second
# transaction follows the end of data in the same write.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
>{
> EHLO c.example
> MAIL FROM:<a@b.test>
> RCPT TO:<u1@example.test>
> RCPT TO:<u2@other.test>
> RCPT TO:<u3@example.test>
> DATA
>}
<+ 250
<~ 250 2.1.0 <a@b.test>
<~ 250 2.1.5 <u1@example.test>
<~ 550 5.7.1 
<~ 250 2.1.5 <u3@example.test>
<~ 354 
>{
> Subject: one
>
> first
> .
> MAIL FROM:<c@d.test>
> RCPT TO:<u4@example.test>
> DATA
>}
<~ 250 2.0.0 
<~ 250 2.1.0 <c@d.test>
<~ 250 2.1.5 <u4@example.test>
<~ 354 
>{
> Subject: two
>
> second
> .
> NOOP
> RSET
> QUIT
>}
<~ 250 2.0.0 
<= 250 2.0.0 OK
<= 250 2.0.0 OK
<~ 221 2.0.0 
<eof
exit 0
queued 2
envelope 0 Fa@b.test\0Tu1@example.test\0Tu3@example.test\0\0
envelope 1 Fc@d.test\0Tu4@example.test\0\0
message 1 <<END
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with ESMTP; {{DATE}}
Subject: two

second
END
