# queue/qmail-queue: the envelope is F<sender>\0 T<rcpt>\0 ... \0, the null sender
# as an empty F entry; the message has LF line ends and the core's Received line first.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> RCPT TO:<v@example.test>
<~ 250 
> RCPT TO:<postmaster>
<~ 250 
> DATA
<~ 354 
> Subject: env
>
> ..dot
> .
<* 250 2\.0\.0 Queued! \d+ qp \d+
> QUIT
<~ 221 
exit 0
queued 1
envelope F\0Tu@example.test\0Tv@example.test\0Tpostmaster\0\0
message <<END
{{re:Received: [^\n]*(?:\n\t[^\n]*)*}}
Subject: env

.dot
END
