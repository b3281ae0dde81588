# dnsbl: RBLSMTPD (rblsmtpd's variable) set and starting with '-': every
# recipient but postmaster and abuse is refused permanently with its text
# (%IP% expanded), after control/dnsbl_rejectmsg; no DNS query is sent.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dnsbl_zones bl.test
control dnsbl_rejectmsg Mail from %IP% refused:
control dns_servers 127.0.0.1:1
control plugins <<END
dnsbl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RBLSMTPD=-listed locally, see http://example.test/%IP%
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 550 5.7.1 Mail from 192.0.2.7 refused: listed locally, see http://example.test/192.0.2.7
> RCPT TO:<postmaster@example.test>
<~ 250 
> RCPT TO:<Abuse@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log fail: RBLSMTPD says \(permanent\)
nolog DNS: asking
