# helo lenient: forged (see plugin-helo-lenient.t).
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
> EHLO [198.51.100.1]
<= 550 Forged IPs not accepted here
<eof
exit 0
