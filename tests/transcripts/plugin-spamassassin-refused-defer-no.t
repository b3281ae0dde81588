# spamassassin: defer_on_error no passes the message unscanned even with reject set (doc/plugins/spamassassin, Faults).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
spamassassin reject 5 defer_on_error no spamd_socket /nonexistent-qcsmtpd/spamd.sock
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
<~ 250 2.0.0 Queued!
> QUIT
<~ 221
<eof
exit 0
log error: spamd .*: connect: No such file or directory; message passed unscanned$
queued 1
