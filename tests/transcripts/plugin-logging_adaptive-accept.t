# logging/adaptive: a transaction nothing refused is written when it ends, up
# to the accept level (here 5, notice), each line prefixed with the default
# prefix ` after the pid; the connection's lines before MAIL go with it, the
# info lines (dispatching, replies) are held back and dropped; nothing of it
# is written unprefixed, and the built-in logger is silent.
control me mx.example.test
control rcpthosts example.test
control logging logging/adaptive accept 5 reject 7
control plugins <<END
relay
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
> Subject: x
>
> hi
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log ^\d+ ` queued from 192\.0\.2\.7 by queue/qmail-queue$
log ^\d+ ` Connection from \[192\.0\.2\.7\] \[192\.0\.2\.7\]$
nolog dispatching
nolog rcpt_ok
nolog ^\d+ (?!` ).+
nolog ^qcsmtpd: 
