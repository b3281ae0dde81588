# dnsbl after dns_whitelist_soft (and relay) is checked at start: listed the
# other way round, the configuration is refused (421 4.3.0), logged.
control me mx.example.test
control whitelist_zones wl.test
control dnsbl_zones bl.test
control plugins <<END
dnsbl
dns_whitelist_soft
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: dns_whitelist_soft must come before dnsbl
