# noop_counter 2 (reference/qpsmtpd.md 4.2): the second NOOP in a row closes
# the connection with qpsmtpd's text and the core's noop reply for
# DENY_DISCONNECT (500 5.5.1, then close); another command in between starts
# the count again.
control me mx.example.test
control loglevel 6
control plugins <<END
noop_counter 2
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> NOOP
<= 250 2.0.0 OK
> HELO c.example
<~ 250 
> NOOP
<= 250 2.0.0 OK
> NOOP
<= 500 5.5.1 Stop wasting my time, too many consecutive NOOPs
<eof
exit 0
log info plugin=noop_counter fail: 2 NOOPs in a row
