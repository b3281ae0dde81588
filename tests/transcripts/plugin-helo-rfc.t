# helo policy rfc: a name without a dot is refused; with DNS down the DNS
# checks pass (logged): a DNS failure is never a reason to refuse.
control me mx.example.test
control loglevel 6
control dns_servers 127.0.0.1:1
control dns_tries 1
control plugins <<END
helo policy rfc timeout 2
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO client.example
<~ 250 
> HELO client
<= 550 HELO name is not fully qualified. Read RFC 2821
<eof
exit 0
log plugin=helo error: client\.example: temporary DNS failure, not checked
