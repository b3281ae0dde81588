# control/mindatarate: a client that sends its message at once is fine
# however low timeoutsmtpd is (the rate is an average over DATA).
control me mx.example.test
control rcpthosts example.test
control mindatarate 1000
control timeoutsmtpd 1
control plugins <<END
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
>{
> Subject: fast
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
