# rhsbl: relay clients are not looked up.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control rhsbl_zones dbl.test
control plugins <<END
relay
rhsbl on_error defer
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=rhsbl skip: relay client
