# hosts_allow: a malformed line stops the plugin (decided: an access list
# read in part would let in whom a bad line was meant to stop): the log
# names the file and the line, every client gets 421 4.3.0.
control me mx.example.test
control hosts_allow <<END
10.0.0.0/8 DENY
192.0.2.0/24 DONE
END
control plugins <<END
hosts_allow
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log error .*hosts_allow.*control/hosts_allow: bad line "192\.0\.2\.0\/24 DONE": the verdict is not one of
