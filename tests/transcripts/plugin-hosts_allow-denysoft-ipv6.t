# hosts_allow: IPv6 networks (qpsmtpd PR #330); DENYSOFT without a message
# gives the core's connect text as a 421 and closes; the /48 beats the /32.
control me mx.example.test
control loglevel 6
control hosts_allow <<END
2001:db8::/32 OK
2001:db8:7::/48 DENYSOFT
END
control plugins <<END
hosts_allow max_per_ip 0
rcpt_ok
END
env TCPREMOTEIP=2001:db8:7::25
<= 421 Connection from you temporarily denied, bye bye.
<eof
exit 0
log fail: listed in control/hosts_allow as DENYSOFT
