# spamassassin: defer_on_error yes defers even an instance that only tags (doc/plugins/spamassassin, Faults).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
spamassassin defer_on_error yes spamd_socket /nonexistent-qcsmtpd/spamd.sock
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO client.example
<~ 250
> MAIL FROM:<a@sender.test>
<~ 250
> RCPT TO:<c@example.test>
<~ 250
> DATA
<~ 354
> Subject: hello
> X-Spam-Status: No, forged by the sender
>
> hello there
> .
<= 451 4.3.0 Unable to scan for spam, try again later
> QUIT
<~ 221
<eof
exit 0
log error: spamd .*: connect: No such file or directory; message deferred$
queued 0
