# fcrdns reject 1: a temporary DNS failure defers MAIL (450 4.7.25), it
# never refuses.
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control plugins <<END
fcrdns reject 1 timeout 2
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.7.25 Reverse DNS of your address could not be checked; try again later
> QUIT
<~ 221 
exit 0
