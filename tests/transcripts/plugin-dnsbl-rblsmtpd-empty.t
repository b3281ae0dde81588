# dnsbl: RBLSMTPD set and empty (a tcprules exemption) skips every check,
# even with a malformed control/dnsbl_zones.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dnsbl_zones no-dot-here
control plugins <<END
dnsbl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RBLSMTPD=
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log skip: RBLSMTPD is set and empty
