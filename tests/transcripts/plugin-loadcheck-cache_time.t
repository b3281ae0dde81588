# loadcheck cache_time and uptime: accepted for qpsmtpd's control/plugins lines, without effect (one read per connection).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg <<END
8.5 1 1 1/1 1
END
control plugins <<END
loadcheck cache_time 30 uptime /usr/bin/uptime loadavg ${TMP}/loadavg
rcpt_ok
END
<= 421 Server load too high, please try again later.
<eof
exit 0
