# hosts_allow: an unreadable control file (here a directory) is a
# configuration error: the log names it, every client gets 421 4.3.0.
control me mx.example.test
control plugins <<END
hosts_allow
END
file control/hosts_allow/x <<END
192.0.2.0/24 DENY
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log unable to read control/hosts_allow: Is a directory
