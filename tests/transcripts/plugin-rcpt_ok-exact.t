# rcpt_ok: an rcpthosts entry matches that domain exactly, case-insensitively;
# not its subdomains.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts <<END
# our domains
example.test
EXAMPLE.NET
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<u@Example.TEST>
<= 250 2.1.5 <u@Example.TEST>, recipient ok
> RCPT TO:<u@example.net>
<= 250 2.1.5 <u@example.net>, recipient ok
> RCPT TO:<u@sub.example.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@xexample.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@example.test.org>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
