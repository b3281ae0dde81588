# test/verdict: several instances, each with its own hook, verdict and message.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict:1 rcpt DENY 550 5.7.1 no thanks
test/verdict:2 mail OK
test/verdict:3 helo DENYSOFT
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<* 450 (4\.7\.1 )?HELO temporarily refused, try again later
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<u@example.test>
<= 550 5.7.1 no thanks
> QUIT
<~ 221 
exit 0
