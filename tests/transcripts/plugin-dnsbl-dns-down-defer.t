# dnsbl on_error defer: the same failure defers recipients (450), postmaster
# and abuse excepted.
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control dnsbl_zones bl.test
control plugins <<END
dnsbl on_error defer
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
<= 450 4.7.1 DNS block lists could not be checked; try again later
> RCPT TO:<postmaster@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
