# whitelist without any of its files: nobody is whitelisted, nothing is logged at warn.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
whitelist
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env WHITELISTCLIENT_NOT=1
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<a@b.example>
<~ 250
> QUIT
<~ 221
nolog whitelisted
nolog warn
