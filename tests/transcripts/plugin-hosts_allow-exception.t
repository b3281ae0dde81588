# hosts_allow: "192.0.2.4 DECLINED" is more specific than "192.0.2.0/24 DENY"
# listed before it: the client is served.
control me mx.example.test
control hosts_allow <<END
192.0.2.0/24 DENY Sorry, known spam only source
192.0.2.4 DECLINED
END
control plugins <<END
hosts_allow max_per_ip 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.4
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221
<eof
exit 0
