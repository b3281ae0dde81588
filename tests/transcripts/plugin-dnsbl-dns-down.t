# dnsbl: no DNS server answers (a closed port: refused): a temporary DNS
# failure never refuses mail; the default on_error pass accepts and logs.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
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
log DNS: A 7\.2\.0\.192\.bl\.test: temporary failure
log plugin=dnsbl error: no usable answer from bl\.test
