# tarpit: the connection note tarpit (seconds), set by an earlier plugin at connect, delays the greeting and
# the reply to every command after it (HELO, MAIL, RCPT, DATA's 354, the end of DATA, NOOP, VRFY, HELP, unknown).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
test/note tarpit 1
tarpit
rcpt_ok
queue/qmail-queue
END
<quiet 0.8
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<quiet 0.8
<~ 250 mx.example.test Hi
> MAIL FROM:<a@b.test>
<quiet 0.8
<~ 250 
> RCPT TO:<u@example.test>
<quiet 0.8
<~ 250 
> DATA
<quiet 0.8
<~ 354 
> Subject: t
>
> hi
> .
<quiet 0.8
<~ 250 
> NOOP
<quiet 0.8
<~ 250 
> VRFY u
<quiet 0.8
<~ 252 
> FOO
<quiet 0.8
<~ 500 
> QUIT
<~ 221 
exit 0
queued 1
log info plugin=tarpit delaying 192.0.2.7 by 1 s
