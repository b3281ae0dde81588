# milter: nothing listens on the port (port 1 on loopback): default_action tempfail answers 451 4.7.1 with the milter's name at MAIL, RCPT and DATA for the whole session, one log line naming the milter, its socket and the stage (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter rspamd 127.0.0.1:1
rcpt_ok
queue/qmail-queue
END
<~ 220
> EHLO client.example
<+ 250
> MAIL FROM:<a@sender.test>
<= 451 4.7.1 milter rspamd unavailable, try again later
> RSET
<~ 250
> MAIL FROM:<b@sender.test>
<= 451 4.7.1 milter rspamd unavailable, try again later
> QUIT
<~ 221
<eof
exit 0
log error plugin=milter error: milter rspamd \(127\.0\.0\.1:1\) at connect: connect: Connection refused; default_action tempfail$
queued 0
