# content_log: control/content_log_file is a strftime pattern (here with
# the hour), relative to the working directory or absolute.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
env TZ=UTC
control content_log_file archive/%Y-%m-%d_%H.mbox
control plugins <<END
content_log
rcpt_ok
queue/qmail-queue
END
file archive/.keep <<END
END
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<a@b.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
> Subject: archived
>
> x
> .
<~ 250
> QUIT
<~ 221
queued 1
fileis archive/2027-01-15_08.mbox <<END
From a@b.example Fri Jan 15 08:00:00 2027
Received: {{re:[^\n]*(?:\n[ \t][^\n]*)*}}
Subject: archived

x

END
