# tarpit max: a note asking 30 s is cut to max (1 s): the reply comes after about a second (step limit 3 s).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
timeout 3
control plugins <<END
test/note tarpit 30
tarpit max 1
rcpt_ok
END
<quiet 0.8
<~ 220 
> QUIT
<~ 221 
exit 0
log delaying 192.0.2.7 by 1 s
