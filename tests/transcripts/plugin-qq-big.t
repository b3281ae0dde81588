# queue/qmail-queue: a message much bigger than a pipe buffer is written completely.
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
>{
> Subject: big
>
>* 20000 line {n} of a message that is much bigger than any pipe buffer xxxxxxxxxxxxxxxxxxx
> .
>}
<* 250 2\.0\.0 Queued! \d+ qp \d+
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
{{re:Received: [^\n]*(?:\n\t[^\n]*)*}}
Subject: big

line 1 of a message that is much bigger than any pipe buffer xxxxxxxxxxxxxxxxxxx
{{re:(?:line \d+ of a message that is much bigger than any pipe buffer x{19}\n){19998}(?:)}}line 20000 of a message that is much bigger than any pipe buffer xxxxxxxxxxxxxxxxxxx
END
