# helo lenient: plainip (see plugin-helo-lenient.t).
control me mx.example.test
control badhelo <<END
aol.com
^mail[0-9]+\.spam\.test$
END
control plugins <<END
helo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO 192.0.2.7
<= 550 Plain IP is invalid HELO hostname (RFC 2821)
<eof
exit 0
