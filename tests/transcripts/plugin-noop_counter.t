# noop_counter 2: two NOOPs in a row are fine, the third closes the
# connection (500 and close: the core's noop reply for DENY_DISCONNECT);
# another command in between starts the count again.
control me mx.example.test
control plugins <<END
noop_counter 2
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> NOOP
<~ 250 
> NOOP
<~ 250 
> HELO c.example
<~ 250 
> NOOP
<~ 250 
> NOOP
<~ 250 
> NOOP
<= 500 5.5.1 Stop wasting my time, too many consecutive NOOPs
<eof
exit 0
