# virus/clamdscan: defer_on_error yes: clamd unreachable gives 451 4.3.0 Unable to scan for viruses (qpsmtpd's text).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock defer_on_error yes
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
log error plugin=virus/clamdscan error: unable to connect to clamd at .*/clamd.sock: No such file or directory \(deferred: defer_on_error\)
