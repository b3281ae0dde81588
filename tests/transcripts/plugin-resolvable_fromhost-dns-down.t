# resolvable_fromhost: no DNS server answers: MAIL is deferred (450 4.4.3),
# never refused; the null sender and address literals are not looked up.
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control plugins <<END
resolvable_fromhost
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.4.3 Could not resolve the envelope sender's domain now; try again later
> MAIL FROM:<>
<~ 250 
> RSET
<~ 250 
> MAIL FROM:<a@[192.0.2.9]>
<~ 250 
> QUIT
<~ 221 
exit 0
