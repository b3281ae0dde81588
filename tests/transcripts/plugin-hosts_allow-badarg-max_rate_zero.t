# hosts_allow: a bad argument is a configuration error (hosts_allow max_rate 5/0).
control me mx.example.test
control plugins <<END
hosts_allow max_rate 5/0
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log max_rate 5/0: expected N/SECONDS
