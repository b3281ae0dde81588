# badrcptto: a listed address is refused at RCPT with 550 5.1.1 "mail to <entry>
# not accepted here" (qpsmtpd's text, reference 5.2 #54), compared
# case-insensitively; other recipients go on to rcpt_ok.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control badrcptto nobody@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 550 5.1.1 mail to nobody@example.test not accepted here
> RCPT TO:<NoBody@Example.TEST>
<= 550 5.1.1 mail to nobody@example.test not accepted here
> RCPT TO:<somebody@example.test>
<= 250 2.1.5 <somebody@example.test>, recipient ok
> RCPT TO:<nobody.else@example.test>
<= 250 2.1.5 <nobody.else@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
queued 0
