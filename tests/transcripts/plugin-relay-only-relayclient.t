# relay only 1: a relay client gets OK at RCPT from relay itself (rcpt_ok not needed).
control me mx.example.test
control relayclients 10.0.0.0/8
control plugins <<END
relay only 1
queue/qmail-queue
END
env TCPREMOTEIP=10.9.8.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@anywhere.test>
<= 250 2.1.5 <u@anywhere.test>, recipient ok
> QUIT
<~ 221 
exit 0
