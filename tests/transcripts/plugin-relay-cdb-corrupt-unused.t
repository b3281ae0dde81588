# relay: the cdb is only consulted when nothing else decided: RELAYCLIENT wins first.
control me mx.example.test
control rcpthosts example.test
control morerelayclients.cdb this is not a cdb file
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> QUIT
<~ 221 
exit 0
