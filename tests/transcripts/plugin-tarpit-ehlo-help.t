# tarpit: EHLO and HELP replies are delayed too; QUIT and RSET are not (no delay for a client that leaves).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
test/note tarpit 1
tarpit
rcpt_ok
END
<quiet 0.8
<~ 220 
> EHLO c.example
<quiet 0.8
<+ 250
> HELP
<quiet 0.8
<+ 214

> RSET
<~ 250 
> QUIT
<~ 221 
<eof
exit 0
log dispatching HELP\n[^\n]*plugin=tarpit delaying 192.0.2.7 by 1 s\n[^\n]* 214-
log dispatching RSET\n[^\n]* 250 2\.0\.0 OK\n[^\n]*dispatching QUIT\n[^\n]* 221 2\.0\.0
