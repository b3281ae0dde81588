# loadcheck: a 10 MB load file costs one read of 128 octets; its first field decides (here 8.00 > 7: refused).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
bigcontrol bigload 10485760 8.00 1.00 1.00 1/{n} 1
control plugins <<END
loadcheck loadavg ${TMP}/control/bigload
rcpt_ok
END
<= 421 Server load too high, please try again later.
<eof
exit 0
log fail: local load too high: 8.00 > max_load 7
