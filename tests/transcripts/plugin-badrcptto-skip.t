# badrcptto: a recipient without a host part (<postmaster>) is never checked,
# as in qpsmtpd; the alias check_badrcptto names the same plugin.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
check_badrcptto
rcpt_ok
END
control badrcptto <<END
postmaster
@mx.example.test
END
control loglevel 4
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<postmaster>
<= 250 2.1.5 <postmaster>, recipient ok
> RCPT TO:<postmaster@mx.example.test>
<= 550 5.1.1 mail to @mx.example.test not accepted here
> QUIT
<~ 221 
exit 0
log plugin=check_badrcptto warning: control/badrcptto: no @ in postmaster: it can never match
