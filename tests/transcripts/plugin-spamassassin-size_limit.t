# spamassassin: qpsmtpd's size_limit is max_size's other name; a message under it is scanned (here: spamd is missing, so deferred) (doc/plugins/spamassassin).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
spamassassin reject 5 size_limit 100000 spamd_socket /nonexistent-qcsmtpd/spamd.sock
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
nolog skip: message
queued 0
