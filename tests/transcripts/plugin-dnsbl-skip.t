# dnsbl: relay clients are not looked up (nor are hosts in dnsbl_allow:
# plugin-dnsbl-allow.t).
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dnsbl_zones bl.test
control plugins <<END
relay
dnsbl on_error defer
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
> RCPT TO:<u@elsewhere.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log skip: 192\.0\.2\.7 is a relay client
nolog DNS: asking
