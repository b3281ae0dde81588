# loadcheck: an empty load file is garbage: logged, client served.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg <<END
END
control plugins <<END
loadcheck max_load 1 loadavg ${TMP}/loadavg
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log does not start with a load average
