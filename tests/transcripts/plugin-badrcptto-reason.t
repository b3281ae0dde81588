# badrcptto: the reason after the entry is the reply text, with the core's
# 5.7.1 unless it starts with an enhanced code of its own (qpsmtpd master
# tests for a reason and then ignores it: a defect, not copied).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control badrcptto <<END
trap@example.test   This address is a spam trap, go away
@old.example.test 5.1.6 Moved to new.example.test
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<trap@example.test>
<= 550 5.7.1 This address is a spam trap, go away
> RCPT TO:<x@old.example.test>
<= 550 5.1.6 Moved to new.example.test
> QUIT
<~ 221 
exit 0
