# badrcptto applies to relay clients too, as qpsmtpd 0.94's check_badrcptto
# (master's badrcptto skips relay clients: a listed address here never
# receives mail, whoever sends it).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
relay
badrcptto
rcpt_ok
END
control badrcptto nobody@example.test
env RELAYCLIENT=
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 550 5.1.1 mail to nobody@example.test not accepted here
> RCPT TO:<x@elsewhere.test>
<= 250 2.1.5 <x@elsewhere.test>, recipient ok
> QUIT
<~ 221 
exit 0
