# logging/file |COMMAND that cannot be run: said once on stderr, the lines
# are counted as dropped, and the mail goes on.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging logging/file loglevel 5 |/nonexistent/logger -x
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
log ^qcsmtpd: \d+ warn plugin=logging/file unable to run log command /nonexistent/logger -x: No such file or directory$
nolog (?s)unable to run.*unable to run
log ^qcsmtpd: \d+ warn plugin=logging/file 2 log lines dropped: /nonexistent/logger -x$
