# The hook chain runs in control/plugins order and stops at the first verdict that
# is not DECLINED; name:N loads another instance with its own arguments.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict rcpt DECLINED
test/verdict:2 rcpt OK
rcpt_ok
test/verdict:3 rcpt DENY never reached
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
# rcpt_ok would refuse this one, but test/verdict:2 said OK first
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> QUIT
<~ 221 
exit 0
