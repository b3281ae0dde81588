# spamassassin: spamd unreachable while the plugin only tags (no reject): the message passes unscanned, untouched, with one log line (doc/plugins/spamassassin, Faults).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
spamassassin spamd_socket /nonexistent-qcsmtpd/spamd.sock munge_subject_threshold 1
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
log error plugin=spamassassin error: spamd /nonexistent-qcsmtpd/spamd\.sock: connect: No such file or directory; message passed unscanned$
queued 1
message <<END
Received: from client.example (unknown [unknown])
{{x09}}by mx.example.test (qcsmtpd ${VERSION}) with SMTP; {{DATE}}
Subject: hello
X-Spam-Status: No, forged by the sender

hello there
END
