# random_error 0: never fails (qpsmtpd took 0 as its default 1): five messages in a row are queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
random_error 0
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
>* 5 MAIL FROM:<a{n}@b.test>
<+ 250 5
>* 5 RCPT TO:<u{n}@example.test>
<+ 250 5
> DATA
<~ 354 
> .
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 2
nolog fail:
