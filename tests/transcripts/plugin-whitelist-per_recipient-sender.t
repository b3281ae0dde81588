# whitelist per_recipient 1: a listed sender is checked at RCPT (the MAIL
# chain goes on: badmailfrom after it still runs), and a listed HELO name
# too; a client listed nowhere gets no mark.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelistsenders partner.example
control whitelisthelo friend.example
control plugins <<END
whitelist per_recipient yes
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<boss@partner.example>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> RSET
<~ 250
> HELO friend.example
<~ 250
> MAIL FROM:<x@y.test>
<~ 250
> RCPT TO:<v@example.test>
<~ 250
> QUIT
<~ 221
nolog plugin=whitelist pass: sender boss
log info plugin=whitelist pass: sender for recipient u@example\.test is whitelisted \(partner\.example\)
log info plugin=whitelist pass: HELO name for recipient v@example\.test is whitelisted \(friend\.example\)
