# dnsbl: RBLSMTPD set without a leading '-': recipients are refused
# temporarily with its text (rblsmtpd's 451 case).
control me mx.example.test
control rcpthosts example.test
control dnsbl_zones bl.test
control dns_servers 127.0.0.1:1
control plugins <<END
dnsbl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RBLSMTPD=slow down
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 450 4.7.1 slow down
> QUIT
<~ 221 
exit 0
