# parse_addr_withhelo follows reject_type (doc/plugin-api): temp answers
# with the mail hook's 4xx codes and the plugin's text (reject 0:
# plugin-parse_addr_withhelo-tolerated).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
parse_addr_withhelo reject_type temp
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test> SIZE=10
<= 450 4.7.1 No parameters allowed in MAIL/RCPT
> QUIT
<~ 221 
exit 0
