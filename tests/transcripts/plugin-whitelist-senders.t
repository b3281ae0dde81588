# whitelist: whitelistsenders entries (an address, a domain, .domain for the
# domains under it) end the MAIL chain with OK, so badmailfrom after it does
# not refuse them; others are refused as usual.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelistsenders <<END
boss@partner.example
friend.example
.trusted.example
END
control badmailfrom <<END
@partner.example
@friend.example
@mx.trusted.example
@trusted.example
END
control plugins <<END
whitelist
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=198.51.100.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<BOSS@partner.example>
<~ 250
> RSET
<~ 250
> MAIL FROM:<other@partner.example>
<~ 550
> MAIL FROM:<anyone@friend.example>
<~ 250
> RSET
<~ 250
> MAIL FROM:<a@mx.trusted.example>
<~ 250
> RSET
<~ 250
> MAIL FROM:<a@trusted.example>
<~ 550
> QUIT
<~ 221
log pass: sender BOSS@partner.example is whitelisted \(boss@partner.example\)
