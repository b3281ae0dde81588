# whitelist: a client in whitelisthosts (a prefix ending in '.') is marked
# whitelisthost: naughty then lets a deferred badmailfrom refusal go, and
# the connect chain stops with OK (earlytalker after it never waits).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelisthosts <<END
# comments and blank lines are ignored
10.9.8.7
192.0.2.
2001:db8::/32
END
control badmailfrom bad@spam.example
control plugins <<END
whitelist
earlytalker wait 3
badmailfrom reject naughty
naughty
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<bad@spam.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> QUIT
<~ 221
log info plugin=whitelist pass: host 192.0.2.7 is whitelisted \(192\.0\.2\.\)
nolog plugin=earlytalker
