# tarpit delay: a fixed delay for every client, without any note.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
tarpit delay 1
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
