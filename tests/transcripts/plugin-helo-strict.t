# helo policy strict: even the client's own address literal is refused.
control me mx.example.test
control dns_servers 127.0.0.1:1
control plugins <<END
helo policy strict
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO [192.0.2.7]
<= 550 RFC 2821 allows an address literal, but we do not
<eof
exit 0
