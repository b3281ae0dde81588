# rcpt_map: domain and file are required arguments.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test
rcpt_ok
END
control map_example <<END
# map for example.test
me@example.test          OK
info@Example.Test        DENY     User not found.
busy                     DENYSOFT Mailbox busy, try later
nocomment@example.test   DENY
gone@example.test        DENY_DISCONNECT Gone
other@elsewhere.test     OK
pass@example.test        DECLINED
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=rcpt_map the arguments domain NAME and file PATH are required
