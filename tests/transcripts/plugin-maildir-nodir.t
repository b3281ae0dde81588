# queue/maildir: only DIR itself is created, not its parents.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
rcpt_ok
queue/maildir ${TMP}/no/such/Maildir
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> RCPT TO:<v@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: md
>
> body
> .
<= 451 4.3.0 queue error (mkdir: No such file or directory)
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
