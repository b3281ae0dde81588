# hosts_allow: relay clients (here RELAYCLIENT, the relay plugin listed
# first) are not limited: nothing is counted for them (no store_dir here,
# and no line says the limit could not be checked); the file still applies.
control me mx.example.test
control loglevel 7
control plugins <<END
relay
hosts_allow max_rate 1/60
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221
<eof
exit 0
nolog not checked
nolog hosts_allow.*pass
