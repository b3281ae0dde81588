# loadcheck: a load at max_load (not above it, as qpsmtpd) is let through; the debug line gives the load.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
file loadavg <<END
7.00 9.10 9.00 2/345 6789
END
control plugins <<END
loadcheck loadavg ${TMP}/loadavg
rcpt_ok
queue/qmail-queue
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 mx.example.test Hi
> QUIT
<~ 221 
exit 0
log plugin=loadcheck pass: load 7.00, max_load 7
nolog too high
