# hosts_allow: an OK line accepts the client at connect: later connect
# plugins are not asked (here one that would refuse), and the limits do not
# apply (no store_dir is set, and nothing says the limit is not checked).
control me mx.example.test
control loglevel 7
control hosts_allow <<END
2001:db8::/32 OK
2001:db8:7::/48 DENYSOFT
192.0.2.0/24 OK our own relay
END
control plugins <<END
hosts_allow
test/verdict connect DENY refused by the next plugin
rcpt_ok
END
env TCPREMOTEIP=192.0.2.99
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221
<eof
exit 0
log pass: listed in control/hosts_allow as OK
nolog concurrency limit is not checked
