# RELAYCLIENT set (empty): the relay plugin lets a foreign recipient through;
# the queue child sees RELAYCLIENT.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
env QQ_ENVLOG=1
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@b.test\0Tu@elsewhere.test\0\0
qqinfo ^RELAYCLIENT=$
