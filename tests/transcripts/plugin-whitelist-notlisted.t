# whitelist: a client not in whitelisthosts is not marked: the deferred
# badmailfrom refusal reaches it at RCPT.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelisthosts <<END
192.0.2.
2001:db8::/32
END
control badmailfrom bad@spam.example
control plugins <<END
whitelist
badmailfrom reject naughty
naughty
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=198.51.100.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<bad@spam.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 550
<eof
nolog is whitelisted
