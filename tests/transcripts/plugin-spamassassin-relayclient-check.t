# spamassassin: relayclient check scans relay clients too (here spamd is missing: deferred) (doc/plugins/spamassassin).
control me mx.example.test
env RELAYCLIENT=
control plugins <<END
relay
spamassassin reject 5 relayclient check spamd_socket /nonexistent-qcsmtpd/spamd.sock
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
nolog skip: relay client
queued 0
