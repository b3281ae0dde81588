# resolvable_fromhost answers to its old name, require_resolvable_fromhost
# (qpsmtpd 0.84's); reject 0 only logs a failure (here a DNS one).
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control plugins <<END
require_resolvable_fromhost reject 0
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=require_resolvable_fromhost error: b\.test: temporary DNS failure
