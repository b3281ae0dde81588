# hosts_allow: without control/hosts_allow only the limits apply; without
# control/store_dir the concurrency limit (max_per_ip 5 by default) cannot be
# counted: the client is served and the log says so.
control me mx.example.test
control loglevel 4
control plugins <<END
hosts_allow
test/verdict connect DENY refused by the next plugin
END
env TCPREMOTEIP=192.0.2.7
<= 554 refused by the next plugin
<eof
exit 0
log warn .*hosts_allow.*control/store_dir: not set; the concurrency limit is not checked
