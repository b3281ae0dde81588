# virus/clamdscan: a message over max_size kB is not scanned, logged at info; it passes unmarked, also with defer_on_error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock defer_on_error 1 max_size 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: hi
>
> hello
>* 30 0123456789012345678901234567890123456789 {n}
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log info plugin=virus/clamdscan skip, too big \(1[0-9]{3}\)
nolog error
