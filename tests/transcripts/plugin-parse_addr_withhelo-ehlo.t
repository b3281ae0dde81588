# parse_addr_withhelo: EHLO sessions keep their parameters (and an unknown
# one gets the core's 555).
control me mx.example.test
control plugins <<END
parse_addr_withhelo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> FOO=bar
<= 555 5.5.4 Unsupported MAIL parameter
> MAIL FROM:<a@b.test> SIZE=10
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
