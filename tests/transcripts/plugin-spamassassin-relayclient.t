# spamassassin: relay clients are not scanned (qpsmtpd's immunity), unless relayclient check (doc/plugins/spamassassin).
control me mx.example.test
control loglevel 6
env RELAYCLIENT=
control plugins <<END
relay
spamassassin reject 5 spamd_socket /nonexistent-qcsmtpd/spamd.sock
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
log plugin=spamassassin skip: relay client
queued 1
