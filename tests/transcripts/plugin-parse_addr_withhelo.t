# parse_addr_withhelo (reference/qpsmtpd.md 4.2): after HELO, ESMTP
# parameters with MAIL and RCPT are refused with 501 5.5.4 (RFC 5321
# 4.1.1.2: they belong to EHLO sessions), before the core looks at them (no
# 555 for an unknown one); the end of the path is found past quoted '>' and
# blanks, and with dont_require_anglebrackets at the first blank.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
dont_require_anglebrackets
parse_addr_withhelo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test> SIZE=10
<= 501 5.5.4 No parameters allowed in MAIL/RCPT
> MAIL FROM:<a@b.test> FOO=bar
<= 501 5.5.4 No parameters allowed in MAIL/RCPT
> MAIL FROM:a@b.test BODY=8BITMIME
<= 501 5.5.4 No parameters allowed in MAIL/RCPT
> MAIL FROM:<"x> y"@b.test>
<= 250 2.1.0 <"x> y"@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<a@b.test>   
<~ 250 2.1.0 
> RCPT TO:<u@example.test> NOTIFY=NEVER
<= 501 5.5.4 No parameters allowed in MAIL/RCPT
> RCPT TO:u@example.test
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log info plugin=parse_addr_withhelo fail: ESMTP parameters after HELO: FOO=bar
