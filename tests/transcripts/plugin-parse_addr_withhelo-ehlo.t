# parse_addr_withhelo: EHLO sessions keep their parameters.
control me mx.example.test
control plugins <<END
parse_addr_withhelo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> SIZE=10
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
