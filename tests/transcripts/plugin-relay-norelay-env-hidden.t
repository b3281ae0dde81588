# relay: when norelayclients overrides RELAYCLIENT, RELAYCLIENT is removed from the
# environment so that qmail-queue filters do not treat the client as a relay client,
# and its value is not appended.
control me mx.example.test
control rcpthosts example.test
control norelayclients 192.0.2.7
control loglevel 5
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=@relay.example
env QQ_ENVLOG=1
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@other.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@example.test>
<~ 250 2.1.5 
> DATA
<~ 354 
> x
> .
<~ 250 2.0.0 Queued! 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@b.test\0Tu@example.test\0\0
qqinfo ^RELAYCLIENT unset$
log norelayclients
