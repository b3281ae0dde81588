# loadcheck: a load "file" that cannot be read (a directory) is logged and the client is served.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg/x <<END
9.99
END
control plugins <<END
loadcheck max_load 1 loadavg ${TMP}/loadavg
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log error: unable to read \S+/loadavg: Is a directory; load not checked
