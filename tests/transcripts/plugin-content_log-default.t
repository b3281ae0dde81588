# content_log: every accepted message is appended to mail/%Y%m%d under the
# working directory (qpsmtpd's default), as an mbox: a From_ line with the
# sender, the message as queued, "From " lines quoted, an empty line.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
content_log
rcpt_ok
queue/qmail-queue
END
file mail/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
env TZ=UTC
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
> From here on
> >From there
> last
> .
<~ 250
> MAIL FROM:<>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
> Subject: bounce
>
> x
> .
<~ 250
> QUIT
<~ 221
queued 2
fileis mail/20270115 <<END
From a@b.example Fri Jan 15 08:00:00 2027
Received: from c.example (unknown [192.0.2.7]){{re:(?:\n[ \t][^\n]*)*}}
Subject: archived

>From here on
>>From there
last

From MAILER-DAEMON Fri Jan 15 08:00:00 2027
Received: from c.example (unknown [192.0.2.7]){{re:(?:\n[ \t][^\n]*)*}}
Subject: bounce

x

END
