# loadcheck reject 0: a high load is only logged (fail, tolerated) and the client is served.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
file loadavg <<END
12.5 3.10 2.00 2/345 6789
END
control plugins <<END
loadcheck reject 0 loadavg ${TMP}/loadavg
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log fail, tolerated: Server load too high, please try again later.
