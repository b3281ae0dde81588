# milter: no socket at the unix path: the same fault, the path named in the log (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter dkim unix:/nonexistent-qcsmtpd/milter.sock
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO client.example
<~ 250
> MAIL FROM:<a@sender.test>
<= 451 4.7.1 milter dkim unavailable, try again later
> QUIT
<~ 221
<eof
exit 0
log error plugin=milter error: milter dkim \(unix:/nonexistent-qcsmtpd/milter\.sock\) at connect: connect: No such file or directory; default_action tempfail$
queued 0
