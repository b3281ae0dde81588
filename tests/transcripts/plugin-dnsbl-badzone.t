# dnsbl: a malformed line in control/dnsbl_zones is our fault: logged at
# start, and recipients are deferred (postmaster still accepted) until it
# is fixed; the other zones are still read.
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dnsbl_zones <<END
bl.test
bl2.test=127.0.0.300
END
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
<= 450 4.7.1 DNS block list configuration error; try again later
> RCPT TO:<postmaster@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log error plugin=dnsbl error: control/dnsbl_zones: malformed line .*: bl2\.test
