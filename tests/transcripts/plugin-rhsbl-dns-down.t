# rhsbl: no DNS server answers: MAIL is accepted (on_error pass, the
# default), the failure logged; the null sender has no domain to look up.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control rhsbl_zones dbl.test
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
<~ 250 
> RSET
<~ 250 
> MAIL FROM:<>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=rhsbl error: no usable answer from dbl\.test for b\.test
