# logging/connection_id: an event of the core inside a hook (the resolver's
# complaint while dnsbl runs at connect) reads "running plugin (<hook>):".
control me mx.example.test
control dns_servers not-an-address
control dnsbl_zones zen.example.test
control logging logging/connection_id 3
control plugins <<END
dnsbl
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
<~ 220 
> QUIT
<~ 221 
exit 0
log ^1700000000-\d{4,}-1 running plugin \(connect\): DNS: control/dns_servers: not an address or \[address\]:port: not-an-address; every DNS query fails temporarily$
