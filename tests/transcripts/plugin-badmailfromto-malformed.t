# badmailfromto: a line with one field, or an address without @, is skipped
# with a warning naming the file and the line; the good lines still work.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto
rcpt_ok
END
control loglevel 4
control badmailfromto <<END
lonely@bad.test
stalker victim@example.test
stalker@bad.test victim@example.test
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 550 5.1.1 mail to victim@example.test not accepted here
> MAIL FROM:<lonely@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 250 2.1.5 <victim@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log plugin=badmailfromto warning: control/badmailfromto: line 'lonely@bad.test' has no recipient: skipped
log plugin=badmailfromto warning: control/badmailfromto: line 'stalker victim@example.test' has no @ in an address: skipped
