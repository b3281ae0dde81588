# rcpt_regexp: a recipient without a host (<postmaster>) is not checked, and
# a match-everything line does not see it; no line matching: rcpt_ok decides.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
/^a@/  DENY no
/.*/ DENY Nobody here
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<postmaster>
<= 250 2.1.5 <postmaster>, recipient ok
> RCPT TO:<b@example.test>
<= 550 5.7.1 Nobody here
> QUIT
<~ 221 
exit 0
