# badrcptto: every line of control/badrcptto_patterns (qpsmtpd 0.94's
# check_badrcptto_patterns) is a POSIX ERE, case-insensitive, with an optional
# reason; an unanchored pattern matches anywhere in user@host.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control badrcptto_patterns <<END
!   Bang paths are not accepted here
^postmaster@example\.test$
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<a!b@example.test>
<= 550 5.7.1 Bang paths are not accepted here
> RCPT TO:<PostMaster@example.test>
<= 550 5.1.1 mail to PostMaster@example.test not accepted here
> RCPT TO:<postmaster2@example.test>
<= 250 2.1.5 <postmaster2@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
