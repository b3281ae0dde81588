# headers reject naughty: the refusal is stored and naughty (reject data_post
# here) delivers it, as in master's sample configuration; reject 0 only logs.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
headers reject naughty
headers:1 reject 0 require Subject
rcpt_ok
naughty reject data_post
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
> To: u@example.test
>
> body
> .
>}
<= 554 5.7.1 (headers) We require a valid From header
<eof
exit 0
queued 0
log plugin=headers:1 fail, tolerated: We require a valid Subject header
