# tarpit: a tarpit note that is not a number of seconds is logged and ignored (no delay).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
timeout 3
control plugins <<END
test/note tarpit lots
tarpit
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log warn plugin=tarpit warning: note tarpit is not a number of seconds: lots
nolog delaying
