# whitelist: WHITELISTCLIENT (set by tcprules, even empty) whitelists the client.
control me mx.example.test
control loglevel 6
control plugins <<END
whitelist
rcpt_ok
END
env TCPREMOTEIP=198.51.100.7
env WHITELISTCLIENT=
<~ 220
> QUIT
<~ 221
log pass: host 198.51.100.7 is whitelisted \(WHITELISTCLIENT\)
