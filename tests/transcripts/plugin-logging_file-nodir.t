# logging/file PATH in a directory that does not exist: said once on stderr
# (never a reply to the client), the lines counted, the mail queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging logging/file loglevel 6 nodir/qp.log
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: t
>
> x
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log ^qcsmtpd: \d+ warn plugin=logging/file unable to open log file nodir/qp\.log: No such file or directory$
nolog (?s)unable to open.*unable to open
log ^qcsmtpd: \d+ warn plugin=logging/file \d+ log lines dropped: nodir/qp\.log$
nofile nodir
