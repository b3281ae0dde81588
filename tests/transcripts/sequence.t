# Command sequence errors and MAIL/RCPT/DATA syntax errors (spec-core: MAIL, RCPT, DATA).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> MAIL FROM:<a@b.test>
<~ 503 5.5.1 please say hello first
> HELO client.example
<~ 250 mx.example.test Hi 
> RCPT TO:<u@example.test>
<= 503 5.5.1 MAIL first
> DATA
<= 503 5.5.1 MAIL first
> MAIL <a@b.test>
<= 501 5.5.2 Syntax error in command
> MAIL FROM:a@b.test
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a b@b.test>
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test.>
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<postmaster>
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test> =bad
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test>
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> DATA
<= 503 5.5.1 RCPT first
> RCPT <u@example.test>
<= 501 5.5.2 Syntax error in command
> RCPT TO:<>
<= 501 5.1.3 could not parse recipient
> RCPT TO:u@example.test
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@example.test> FOO=bar
<= 555 5.5.4 Unsupported RCPT parameter
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> DATA now
<= 501 5.5.4 Syntax error (no parameters allowed)
> RSET
<= 250 2.0.0 OK
> DATA
<= 503 5.5.1 MAIL first
> QUIT
<~ 221 2.0.0 
<eof
exit 0
queued 0
