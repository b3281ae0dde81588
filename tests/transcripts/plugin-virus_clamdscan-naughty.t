# virus/clamdscan: a connection with a refusal stored for naughty is not scanned (qpsmtpd's "skip, naughty"): naughty refuses the message anyway.
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
badmailfrom reject naughty
virus/clamdscan clamd_socket ${TMP}/clamd.sock defer_on_error 1
naughty reject data_post
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: hi
>
> hello
> .
<= 554 5.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
<eof
exit 0
queued 0
log info plugin=virus/clamdscan skip, naughty
nolog unable to connect
