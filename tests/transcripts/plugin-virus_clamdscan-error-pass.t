# virus/clamdscan: clamd unreachable (no socket there) and defer_on_error off (the default): the message passes unmarked, the error logged.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock
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
log error plugin=virus/clamdscan skip, error: unable to connect to clamd at .*/clamd.sock: No such file or directory \(the message passes: defer_on_error is off\)
message <<END
Received: {{ANY}}
{{x09}}{{ANY}}
Subject: hi

hello
END
