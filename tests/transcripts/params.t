# ESMTP parameters: KEY[=VALUE], KEY [A-Za-z0-9][A-Za-z0-9-]*, VALUE printable
# without "=" or space. Malformed -> 501 5.5.4; unknown ones are ignored.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> X-KEY=a=b
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test> -KEY=1
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test> SIZE=
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test> SIZE=12k
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test> body=8bitmime size=10 X-A-1=v ENVID=abc
<= 555 5.5.4 Unsupported MAIL parameter
> MAIL FROM:<a@b.test> body=8bitmime size=10
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<a@b.test> BODY=7BIT
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<u@example.test> NOTIFY=NEVER ORCPT=rfc822;u@example.test
<= 555 5.5.4 Unsupported RCPT parameter
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<v@example.test> X=a=b
<= 501 5.5.4 Syntax error in parameters
> QUIT
<~ 221 
exit 0
