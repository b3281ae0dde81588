# hosts_allow: a control file over 4 MiB is not read: the plugin does not
# start, the log names the file, every client gets a temporary 421.
control me mx.example.test
control plugins <<END
hosts_allow
END
bigcontrol hosts_allow 10485760 10.0.{n}.0/24 DENY
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/hosts_allow: File too large
