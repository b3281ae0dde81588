# loop without an argument: 100 hops, as qpsmtpd; 98 Received and
# Delivered-To fields from the client plus ours (99) pass.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
loop
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<a@b.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
>* 49 Received: from h{n}.example by h{n}.example; Sat, 5 Dec 2026 10:00:00 +0000
>* 49 Delivered-To: u{n}@example.test
> Subject: many hops
>
> hello
> .
<~ 250
> QUIT
<~ 221
queued 1
