# milter: two milters: the first unreachable with default_action accept is left out, the second unreachable with tempfail still defers (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter first 127.0.0.1:1 default_action accept
milter:2 second /nonexistent-qcsmtpd/second.sock
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO client.example
<~ 250
> MAIL FROM:<a@sender.test>
<= 451 4.7.1 milter second unavailable, try again later
> QUIT
<~ 221
<eof
exit 0
log warn plugin=milter error: milter first \(127\.0\.0\.1:1\) at connect: connect: Connection refused; default_action accept$
log error plugin=milter:2 error: milter second \(/nonexistent-qcsmtpd/second\.sock\) at connect: connect: No such file or directory; default_action tempfail$
queued 0
