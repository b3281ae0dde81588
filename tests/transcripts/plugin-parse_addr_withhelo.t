# parse_addr_withhelo (reference/qpsmtpd.md 4.2): after HELO, ESMTP
# parameters are refused with 501; after EHLO they are fine.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
parse_addr_withhelo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test> SIZE=10
<= 501 5.5.4 No parameters allowed in MAIL/RCPT after HELO (say EHLO)
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test> NOTIFY=NEVER
<= 501 5.5.4 No parameters allowed in MAIL/RCPT after HELO (say EHLO)
> QUIT
<~ 221 
exit 0
