# logging/syslog logsock PATH where no socket exists: said once on stderr,
# the lines are dropped and counted, the mail is queued (no syslog never
# means no mail). tests/integration/syslog.py checks the datagrams themselves.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control logging logging/syslog loglevel LOGINFO logsock ${TMP}/nosuch.sock
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
log ^qcsmtpd: \d+ warn plugin=logging/syslog unable to send to /\S+/nosuch\.sock: No such file or directory$
nolog (?s)unable to send.*unable to send
log ^qcsmtpd: \d+ warn plugin=logging/syslog \d+ log lines dropped: /\S+/nosuch\.sock$
