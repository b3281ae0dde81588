# virus/clamdscan: without arguments: the unix socket /var/run/clamav/clamd.ctl (ClamAV::Client's default); the log names it.
# (where a clamd runs on that socket, it is scanned and passes clean instead)
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan 
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
log plugin=virus/clamdscan (skip, error: unable to connect to clamd at /var/run/clamav/clamd.ctl: |pass, clean)
