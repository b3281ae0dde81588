# Client EOF in command state (inside a transaction): exit 0, nothing queued.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
close
<eof
exit 0
queued 0
