# dnsbl after whitelist is checked at start (whitelist marks whitelisthost
# at connect, where dnsbl decides): the other way round, the configuration
# is refused (421 4.3.0), logged; the old name whitelist_soft counts too.
control me mx.example.test
control whitelisthosts 192.0.2.7
control dnsbl_zones bl.test
control plugins <<END
dnsbl
whitelist_soft
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: whitelist(_soft)? must come before dnsbl
