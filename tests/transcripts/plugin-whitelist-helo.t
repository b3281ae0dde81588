# whitelist: a HELO name in whitelisthelo is marked (note whitelisthelo) and
# ends the HELO chain: helo's badhelo check after it does not run.
control me mx.example.test
control loglevel 6
control whitelisthelo good.example
control badhelo good.example
control plugins <<END
whitelist_soft
helo
rcpt_ok
END
env TCPREMOTEIP=198.51.100.7
<~ 220
> EHLO GOOD.example
<+ 250
> QUIT
<~ 221
log pass: HELO name GOOD.example is whitelisted
