# milter: default_action accept leaves the unreachable milter out for the session: the message is queued, one warn line (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter rspamd inet:127.0.0.1:1 default_action accept
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
>
> hello there
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221
<eof
exit 0
log warn plugin=milter error: milter rspamd \(inet:127\.0\.0\.1:1\) at connect: connect: Connection refused; default_action accept$
queued 1
