# loadcheck: a one-minute load above max_load (default 7) refuses the connection for now: 421 and close.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 4
file loadavg <<END
7.01 3.10 2.00 2/345 6789
END
control plugins <<END
loadcheck loadavg ${TMP}/loadavg
rcpt_ok
queue/qmail-queue
END
<= 421 Server load too high, please try again later.
<eof
exit 0
log warn plugin=loadcheck fail: local load too high: 7.01 > max_load 7
queued 0
