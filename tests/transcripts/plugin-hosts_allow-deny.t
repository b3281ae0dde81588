# hosts_allow: the most specific line holding the client wins, whatever the
# order (qpsmtpd master with PR #330); DENY gives 554 with the line's message
# at the greeting and closes.
control me mx.example.test
control loglevel 6
control hosts_allow <<END
# a host carved out of a denied network: the /24 comes first on purpose
192.0.2.0/24 DENY Sorry, known spam only source
192.0.2.4 DECLINED
198.51.100.0/24 DENYSOFT
END
control plugins <<END
hosts_allow max_per_ip 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<= 554 Sorry, known spam only source
<eof
exit 0
log info .*hosts_allow.*fail: listed in control/hosts_allow as DENY
