# loadcheck: a load file that does not exist is logged at error and the client is served (never refuse for it).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
loadcheck loadavg ${TMP}/nosuchfile
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log error plugin=loadcheck error: unable to read \S+/nosuchfile: No such file or directory; load not checked
