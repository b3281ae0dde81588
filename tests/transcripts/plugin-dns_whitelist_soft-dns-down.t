# dns_whitelist_soft: no DNS answer means not whitelisted (logged), never a
# refusal; dnsbl after it then decides as usual (here: DNS down, pass).
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control whitelist_zones wl.test
control dnsbl_zones bl.test
control plugins <<END
dns_whitelist_soft
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
log plugin=dns_whitelist_soft error: no usable answer from wl\.test \(not whitelisted\)
log plugin=dnsbl error: no usable answer from bl\.test
