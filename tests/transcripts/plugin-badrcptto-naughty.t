# badrcptto reject naughty: the refusal is stored and naughty (listed after it,
# before rcpt_ok) delivers it at the same RCPT, prefixed with the plugin's name.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badrcptto reject naughty
naughty
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
<= 550 5.7.1 (badrcptto) mail to nobody@example.test not accepted here
<eof
exit 0
log plugin=badrcptto fail, deferred to naughty: mail to nobody@example.test not accepted here
