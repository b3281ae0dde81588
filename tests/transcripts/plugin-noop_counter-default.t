# noop_counter without argument: 3, as qpsmtpd: the third NOOP in a row closes.
control me mx.example.test
control plugins <<END
noop_counter
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> NOOP
<= 250 2.0.0 OK
> NOOP x
<= 250 2.0.0 OK
> NOOP
<= 500 5.5.1 Stop wasting my time, too many consecutive NOOPs
<eof
exit 0
