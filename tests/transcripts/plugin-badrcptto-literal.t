# badrcptto: by default every entry is literal (a qmail-style list keeps its
# meaning): list+owner@ refuses exactly itself, not listowner@, and the
# pattern-looking entry is noted in the log at info.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto
rcpt_ok
END
control loglevel 6
control badrcptto list+owner@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<listowner@example.test>
<= 250 2.1.5 <listowner@example.test>, recipient ok
> RCPT TO:<list@example.test>
<= 250 2.1.5 <list@example.test>, recipient ok
> RCPT TO:<list+owner@example.test>
<= 550 5.1.1 mail to list+owner@example.test not accepted here
> QUIT
<~ 221 
exit 0
log plugin=badrcptto control/badrcptto: list\+owner@example\.test is taken literally
