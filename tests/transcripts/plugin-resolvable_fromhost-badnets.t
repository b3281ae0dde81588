# resolvable_fromhost: a malformed control/invalid_resolvable_fromhost is
# our fault: logged, MAIL deferred (450 4.3.0) until it is fixed.
control me mx.example.test
control rcpthosts example.test
control invalid_resolvable_fromhost <<END
10.0.0.0/8
127.0.0.0/33
END
control plugins <<END
resolvable_fromhost
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 450 4.3.0 sender check configuration error; try again later
> QUIT
<~ 221 
exit 0
log error plugin=resolvable_fromhost error: control/invalid_resolvable_fromhost: not an address or address/bits .*127\.0\.0\.0/33
