# rhsbl: a malformed control/rhsbl_zones line is our fault: logged, and
# MAIL is deferred until it is fixed.
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control rhsbl_zones nodot
control plugins <<END
rhsbl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.7.1 sender block list configuration error; try again later
> QUIT
<~ 221 
exit 0
log error plugin=rhsbl error: control/rhsbl_zones: malformed line \(ZONE \[MESSAGE\]\): nodot
