# badmailfromto reject 0: the match is only logged; rcpt_ok accepts.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto reject 0
rcpt_ok
END
control loglevel 6
control badmailfromto stalker@bad.test victim@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 250 2.1.5 <victim@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log plugin=badmailfromto fail: <stalker@bad.test> to <victim@example.test> matches stalker@bad.test victim@example.test
log plugin=badmailfromto fail, tolerated: mail to victim@example.test not accepted here
