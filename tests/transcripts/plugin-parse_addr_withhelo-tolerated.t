# parse_addr_withhelo reject 0: the parameters are only logged, and the
# core then handles them as in an EHLO session.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
parse_addr_withhelo reject 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test> SIZE=10
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
log info plugin=parse_addr_withhelo fail, tolerated: No parameters allowed in MAIL/RCPT
