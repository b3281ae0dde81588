# milter: default_action reject answers 550 5.7.1 with the milter's name (doc/plugins/milter, Faults).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
milter rspamd 127.0.0.1:1 default_action reject
rcpt_ok
queue/qmail-queue
END
<~ 220
> HELO client.example
<~ 250
> MAIL FROM:<a@sender.test>
<= 550 5.7.1 milter rspamd unavailable
> QUIT
<~ 221
<eof
exit 0
log error plugin=milter error: milter rspamd \(127\.0\.0\.1:1\) at connect: connect: Connection refused; default_action reject$
queued 0
