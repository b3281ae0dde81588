# rhsbl on_error defer: the same failure defers MAIL (450).
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control rhsbl_zones dbl.test
control plugins <<END
rhsbl on_error defer
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.7.1 sender block lists could not be checked; try again later
> QUIT
<~ 221 
exit 0
