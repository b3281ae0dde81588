# Local parts that are neither a dot-atom nor a quoted string (leading, trailing or
# doubled dots) are syntax errors (spec-core.md "Address syntax", RFC 5321 4.1.2).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<.a@b.test>
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<.u@example.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u.@example.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u..v@example.test>
<= 501 5.1.3 could not parse recipient
> QUIT
<~ 221 
exit 0
