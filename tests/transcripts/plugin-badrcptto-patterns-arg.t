# badrcptto patterns 1 (qpsmtpd master's reading): an entry with one of
# / ^ $ * + ! % ? \ is a case-insensitive POSIX ERE matched against
# user@host; the default reply then names the recipient; plain entries stay
# literal.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto patterns 1
rcpt_ok
END
control badrcptto <<END
^bounce-[0-9]+@example\.test$
%  The percent hack is not accepted here
plain@example.test
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<Bounce-42@example.test>
<= 550 5.1.1 mail to Bounce-42@example.test not accepted here
> RCPT TO:<bounce-x@example.test>
<= 250 2.1.5 <bounce-x@example.test>, recipient ok
> RCPT TO:<a%b@example.test>
<= 550 5.7.1 The percent hack is not accepted here
> RCPT TO:<plain@example.test>
<= 550 5.1.1 mail to plain@example.test not accepted here
> QUIT
<~ 221 
exit 0
