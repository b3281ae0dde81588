# spamassassin: spamd unreachable (no socket at the path) while reject is set: the message is deferred with 451, one log line (doc/plugins/spamassassin, Faults).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
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
<= 451 4.3.0 Unable to scan for spam, try again later
> QUIT
<~ 221
<eof
exit 0
log error plugin=spamassassin error: spamd /nonexistent-qcsmtpd/spamd\.sock: connect: No such file or directory; message deferred$
queued 0
