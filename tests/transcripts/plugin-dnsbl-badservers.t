# dnsbl: a malformed control/dns_servers is logged and every query fails
# temporarily (so on_error decides: here pass).
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:port
control dnsbl_zones bl.test
control plugins <<END
dnsbl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log error DNS: control/dns_servers: not an address or \[address\]:port: 127\.0\.0\.1:port
