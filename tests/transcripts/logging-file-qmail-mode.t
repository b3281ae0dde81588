# control/logging without control/plugins: the logging plugins, then qmail
# mode's plugins (relay, badmailfrom, rcpt_ok, queue/qmail-queue).
control me mx.example.test
control rcpthosts example.test
control logging logging/warn 6
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
> Subject: t
>
> x
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log ^\d+ \(connect\) relay: skip
nolog ^qcsmtpd: 
log ^\d+ Plugin rcpt_ok, hook rcpt returned OK
