# loop max 3: two Received fields from the client plus ours make three hops:
# refused with 554 5.4.6 at the end of DATA (the core's reply to DENY there,
# as its own loop refusal; qpsmtpd said 552);
# with one, the message is queued. The old name
# check_loop is the same plugin.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
check_loop 3
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
> Received: from a.example by b.example; Sat, 5 Dec 2026 10:00:00 +0000
> Received: from b.example by c.example; Sat, 5 Dec 2026 10:00:01 +0000
> Subject: looping
>
> hello
> .
<= 554 5.4.6 Too many hops
> MAIL FROM:<a@b.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> DATA
<~ 354
> Delivered-To: u@example.test
> Subject: once round
>
> hello
> .
<~ 250
> QUIT
<~ 221
queued 1
log info plugin=check_loop fail: 3 hops
