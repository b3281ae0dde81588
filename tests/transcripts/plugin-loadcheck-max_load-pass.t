# loadcheck max_load: a load equal to a decimal limit passes (2.50 against 2.5, compared in hundredths).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg <<END
2.50 9.10 9.00 2/345 6789
END
control plugins <<END
loadcheck max_load 2.5 loadavg ${TMP}/loadavg
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
nolog too high
