# qpsmtpd's historical plugin names are accepted in control/plugins.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
check_relay
check_badmailfrom
rcpt_ok
queue/qmail-queue
END
control badmailfrom bad@b.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 mx.example.test ESMTP
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 550 5.7.1 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 250 2.1.5 
> QUIT
<~ 221 
exit 0
