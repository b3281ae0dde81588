# uribl: DNS down: the message is accepted, the failure logged.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control uribl_zones multi.surbl.test
control plugins <<END
uribl timeout 2
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
> DATA
<~ 354 
> Subject: t
>
> see http://x.example/
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log plugin=uribl error: no usable answer from multi\.surbl\.test for x\.example
