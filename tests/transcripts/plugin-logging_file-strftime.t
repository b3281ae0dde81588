# logging/file: PATH is a strftime pattern (local time, here UTC); a level
# given as a number; the flags reopen and nosplit are accepted before PATH.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging logging/file reopen nosplit loglevel 5 qp.%Y-%m-%d.log
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
nolog .
nofile qp.%Y-%m-%d.log
fileis qp.2023-11-14.log <<END
Tue Nov 14 22:13:20 2023 {{re:[^ \[]+}}[{{re:\d+}}]: Connection from [192.0.2.7] [192.0.2.7]
Tue Nov 14 22:13:20 2023 {{re:[^ \[]+}}[{{re:\d+}}]: queued from 192.0.2.7 by queue/qmail-queue
END
