# whitelist: IPv6 clients by CIDR block and by a prefix ending in ':'.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelisthosts <<END
2001:db8:1:
fd00::/8
END
control plugins <<END
whitelist
rcpt_ok
END
env TCPREMOTEIP=2001:db8:1:0:aaaa::5
<~ 220
> QUIT
<~ 221
log pass: host 2001:db8:1:0:aaaa::5 is whitelisted \(2001:db8:1:\)
