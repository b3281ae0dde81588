# relay only 1: a client that may not relay is refused at RCPT even for our own
# domain, with 550 5.7.1 relaying denied (qpsmtpd's relay_only).
control me mx.example.test
control rcpthosts example.test
control relayclients 10.0.0.0/8
control plugins <<END
relay only 1
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
> RCPT TO:<postmaster>
<= 550 5.7.1 relaying denied
> QUIT
<~ 221 
exit 0
