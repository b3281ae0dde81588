# A text control file just under the limit (4 MiB, src/limits.h) is read
# whole: the last entry still matches.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
badmailfrom
rcpt_ok
queue/qmail-queue
END
bigcontrol badmailfrom 4000000 spammer{n}@bad.example
> HELO c.example
<~ 220
<~ 250
> MAIL FROM:<spammer1@bad.example>
<~ 550
> MAIL FROM:<spammer140000@bad.example>
<~ 550
> MAIL FROM:<ok@good.example>
<~ 250
> QUIT
<~ 221
