# tarpit naughty: a client with a naughty note (a refusal deferred to the naughty plugin) waits that long.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
test/note naughty (dnsbl)_listed
tarpit naughty 1
rcpt_ok
END
<quiet 0.8
<~ 220 
> HELO c.example
<quiet 0.8
<~ 250 mx.example.test Hi
> QUIT
<~ 221 
exit 0
log plugin=tarpit delaying 192.0.2.7 by 1 s
