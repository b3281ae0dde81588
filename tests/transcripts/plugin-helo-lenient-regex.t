# helo lenient: regex (see plugin-helo-lenient.t).
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
> EHLO mail42.spam.test
<= 550 Your HELO hostname is not allowed
<eof
exit 0
