# badmailfromto reject naughty: the refusal of a paired recipient is stored
# and naughty (listed after it, before rcpt_ok) delivers it at the same RCPT,
# prefixed with the plugin's name; an unpaired recipient before it passes.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto reject naughty
naughty
rcpt_ok
END
control loglevel 6
control badmailfromto stalker@bad.test victim@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@bad.test>
<~ 250 
> RCPT TO:<other@example.test>
<= 250 2.1.5 <other@example.test>, recipient ok
> RCPT TO:<victim@example.test>
<= 550 5.7.1 (badmailfromto) mail to victim@example.test not accepted here
<eof
exit 0
queued 0
log plugin=badmailfromto fail, deferred to naughty: mail to victim@example.test not accepted here
