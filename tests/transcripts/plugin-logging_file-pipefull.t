# logging/file |COMMAND whose command never reads: the pipe fills, lines are
# dropped instead of blocking (every reply still comes at once), the mail is
# queued, and the count of dropped lines goes to stderr at the end; the
# command is killed after its grace second.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
timeout 3
control logging logging/file loglevel 7 |/bin/sleep 30
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
>* 400 NOOP padding the log with a rather long argument so that the pipe fills up {n}
<+ 250 400
> MAIL FROM:<a@b.test>
<~ 250 
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
log ^qcsmtpd: \d+ warn plugin=logging/file \d+ log lines dropped: /bin/sleep 30$
log ^qcsmtpd: \d+ warn plugin=logging/file killed the log command that did not exit: /bin/sleep 30$
