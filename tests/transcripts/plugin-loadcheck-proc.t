# loadcheck: by default /proc/loadavg is read (max_load 100000 is never reached); the pass line shows it was parsed.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
control plugins <<END
loadcheck max_load 100000
rcpt_ok
END
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
log plugin=loadcheck pass: load [0-9]+\.[0-9]+, max_load 100000
