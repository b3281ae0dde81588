# content_log: a full disk (the log file is /dev/full): a warn line, and the
# message is queued all the same.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
env TZ=UTC
control content_log_file /dev/full
control plugins <<END
content_log
rcpt_ok
queue/qmail-queue
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
log warn plugin=content_log cannot write /dev/full: No space left on device; message not logged
