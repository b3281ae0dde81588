# loadcheck reject_type perm: the refusal becomes 554 (the core's permanent connect refusal) with the text.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
file loadavg <<END
12.5 3.10 2.00 2/345 6789
END
control plugins <<END
loadcheck reject_type perm loadavg ${TMP}/loadavg
rcpt_ok
END
<= 554 Server load too high, please try again later.
<eof
exit 0
