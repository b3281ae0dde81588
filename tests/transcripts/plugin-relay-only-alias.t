# relay_only (qpsmtpd's old plugin name) is relay with "only 1".
control me mx.example.test
control rcpthosts example.test
control plugins <<END
relay_only
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@example.test>
<= 550 5.7.1 relaying denied
> QUIT
<~ 221 
exit 0
