# Order matters: rcpt_ok listed before a plugin that would say OK decides first.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
test/verdict rcpt OK
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<* 550 5\.7\.1 .*
> QUIT
<~ 221 
exit 0
