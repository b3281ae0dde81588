# dnsbl: control/dnsbl_allow lists addresses, prefixes ending in '.' or ':'
# (qpsmtpd) and address/bits; a client there is not looked up.
control me mx.example.test
control loglevel 6
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dnsbl_zones bl.test
control dnsbl_allow <<END
198.51.100.1
2001:db8::/32
192.0.2.
END
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
<~ 250 
> QUIT
<~ 221 
exit 0
log skip: 192\.0\.2\.7 is in dnsbl_allow
