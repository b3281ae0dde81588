# Without dont_require_anglebrackets, a path without angle brackets is a
# syntax error (RFC 5321 4.1.2), for MAIL and for RCPT (postmaster too).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:a@b.test
<= 501 5.1.7 could not parse your mail from command
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:postmaster
<= 501 5.1.3 could not parse recipient
> RCPT TO:<postmaster>
<= 250 2.1.5 <postmaster>, recipient ok
> QUIT
<~ 221 
exit 0
