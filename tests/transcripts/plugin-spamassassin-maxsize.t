# spamassassin: a message over max_size is not scanned (not even a connection is tried), logged, and passes (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
spamassassin reject 5 max_size 50 spamd_socket /nonexistent-qcsmtpd/spamd.sock
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
log info plugin=spamassassin skip: message of \d+ octets is over max_size 50$
nolog error: spamd
queued 1
