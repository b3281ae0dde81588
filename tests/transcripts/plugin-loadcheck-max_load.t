# loadcheck max_load: a decimal limit; 2.5 refuses a load of 2.51 and lets 2.50 through (here the former).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg <<END
2.51 0.10 0.00 2/345 6789
END
control plugins <<END
loadcheck max_load 2.5 loadavg ${TMP}/loadavg
rcpt_ok
END
<= 421 Server load too high, please try again later.
<eof
exit 0
log fail: local load too high: 2.51 > max_load 2.5
