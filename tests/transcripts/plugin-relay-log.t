# relay: the decision is logged at info with the client address.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control relayclients 192.0.2.0/24
env TCPREMOTEIP=192.0.2.7
<~ 220 
> QUIT
<~ 221 
exit 0
log plugin=relay pass: 192\.0\.2\.7 is in relayclients
