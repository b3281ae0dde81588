# virus/clamdscan: scan_all 0 scans only multipart messages with a boundary (those that can carry attachments): a single-part one is skipped, logged.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock defer_on_error 1 scan_all 0
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
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log info plugin=virus/clamdscan skip, not multipart
nolog error
