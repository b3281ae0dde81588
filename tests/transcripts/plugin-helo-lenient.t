# helo (policy lenient, the default): control/badhelo's exact names and
# regular expressions, localhost from a non-loopback address, a forged
# address literal and a plain IP are refused, and the connection closed
# (qpsmtpd forces reject_type disconnect). Each refusal needs a new session:
# this one is the badhelo name.
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
> HELO AOL.com
<= 550 I do not believe you are AOL.com.
<eof
exit 0
