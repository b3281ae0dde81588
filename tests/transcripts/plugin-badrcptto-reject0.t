# badrcptto reject 0: a match is only logged ("fail, tolerated"); rcpt_ok
# then accepts the recipient.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto reject 0
rcpt_ok
END
control loglevel 6
control badrcptto nobody@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<nobody@example.test>
<= 250 2.1.5 <nobody@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log plugin=badrcptto fail: <nobody@example.test> matches nobody@example.test
log plugin=badrcptto fail, tolerated: mail to nobody@example.test not accepted here
