# virus/clamdscan: clamd_port: TCP to clamd_host (localhost is 127.0.0.1); nothing listening on port 1: refused, 451 with defer_on_error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_port 1 defer_on_error 1
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
<= 451 4.3.0 Unable to scan for viruses
> QUIT
<~ 221 
exit 0
queued 0
log error: unable to connect to clamd at 127.0.0.1 port 1: Connection refused
