# tarpit: of delay, naughty and the note, the largest applies (here the note's 2 s over delay 1).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
test/note tarpit 2
tarpit delay 1 naughty 1
rcpt_ok
END
<quiet 1.8
<~ 220 
> QUIT
<~ 221 
exit 0
log delaying 192.0.2.7 by 2 s
nolog by 1 s
