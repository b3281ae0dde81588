# spamassassin: nothing listens on the TCP port (port 1 on loopback): connection refused, deferred under reject, one log line naming the socket (doc/plugins/spamassassin, Faults).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
spamassassin reject 5 spamd_socket 127.0.0.1:1
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
log error plugin=spamassassin error: spamd 127.0.0.1:1: connect: Connection refused; message deferred$
queued 0
