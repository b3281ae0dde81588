# milter: default_action is tempfail when not given (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter rspamd inet:1@127.0.0.1
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO client.example
<~ 250
> MAIL FROM:<a@sender.test>
<= 451 4.7.1 milter rspamd unavailable, try again later
> QUIT
<~ 221
<eof
exit 0
log error plugin=milter error: milter rspamd \(inet:1@127\.0\.0\.1\) at connect: connect: Connection refused; default_action tempfail$
queued 0
