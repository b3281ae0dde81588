# whitelist never makes us a relay: a whitelisted sender or recipient on a
# foreign domain is still refused by rcpt_ok; a whitelisted recipient of ours
# is accepted and counted in the note whitelistrcpt.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelistsenders boss@partner.example
control whitelistrcpt <<END
postmaster@example.test
victim@elsewhere.example
END
control plugins <<END
whitelist
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=198.51.100.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<boss@partner.example>
<~ 250
> RCPT TO:<someone@elsewhere.example>
<~ 550
> RCPT TO:<victim@elsewhere.example>
<~ 550
> RCPT TO:<postmaster@example.test>
<~ 250
> QUIT
<~ 221
log pass: recipient victim@elsewhere.example is whitelisted
log pass: recipient postmaster@example.test is whitelisted
