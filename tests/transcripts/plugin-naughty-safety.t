# naughty reject connect: a refusal deferred later than connect (badmailfrom
# at MAIL) is still delivered by the data_post safety net: nothing is queued.
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control plugins <<END
badmailfrom reject naughty
rcpt_ok
naughty reject connect reject_type perm
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: x
>
> body
> .
>}
<= 554 5.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
queued 0
