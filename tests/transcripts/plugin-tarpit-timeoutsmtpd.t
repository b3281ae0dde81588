# tarpit: one delay stays under control/timeoutsmtpd (here 2 s: at most 1 s), so the client is never held
# longer than we would wait for it.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control timeoutsmtpd 2
timeout 3
control plugins <<END
test/note tarpit 30
tarpit
rcpt_ok
END
<quiet 0.8
<~ 220 
> QUIT
<~ 221 
exit 0
log delaying 192.0.2.7 by 1 s
