# test/verdict rcpt DONE: the plugin answers itself (250; the core adds the
# enhanced status code, or not).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict rcpt DONE
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<* 250 (2\.\d+\.\d+ )?test plugin answered
> QUIT
<~ 221 
exit 0
