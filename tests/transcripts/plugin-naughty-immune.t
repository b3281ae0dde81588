# A relay client is immune (qpsmtpd's is_immune): the deferred refusal is
# dropped with a log line and the message is queued.
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control loglevel 6
control plugins <<END
relay
badmailfrom reject naughty
naughty
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: x
>
> body
> .
>}
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=naughty skip: immune client
queued 1
