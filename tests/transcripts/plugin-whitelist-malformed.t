# whitelist: whitelisthosts lines that are no address, prefix or CIDR block
# are logged and ignored (whitelisting nobody is the safe side); the others work.
control me mx.example.test
control loglevel 6
control whitelisthosts <<END
not-an-address
192.0.2.0/40
1.2.3.4.5.
192.0.2.7
END
control plugins <<END
whitelist
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> QUIT
<~ 221
log warn .*control/whitelisthosts: not an address, prefix or CIDR block, ignored: not-an-address
log control/whitelisthosts: .*ignored: 192\.0\.2\.0/40
log control/whitelisthosts: .*ignored: 1\.2\.3\.4\.5\.
log pass: host 192.0.2.7 is whitelisted \(192\.0\.2\.7\)
