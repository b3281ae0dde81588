# earlytalker check-at DATA: a transaction with the note whitelistsender (set
# at MAIL by a plugin listed earlier) is immune (qpsmtpd's is_immune): the
# pipelined message is taken and queued.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
test/note whitelistsender 1 at mail scope txn
earlytalker check-at DATA
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
>{
> DATA
> Subject: trusted
>
> body
> .
>}
<~ 354 
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log plugin=earlytalker skip: 192\.0\.2\.7 is immune \(whitelistsender\)
