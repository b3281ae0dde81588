# whitelist per_recipient 1: nothing is marked for the connection (the
# host listed, earlytalker still runs and whitelisthost stays unset); at
# RCPT a listed host counts each recipient in the note whitelistrcpt, and
# the recipient is still rcpt_ok's to accept (not in rcpthosts: refused).
# merge is accepted (qpsmtpd's configurations) and changes nothing.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control whitelisthosts 192.0.2.7
control plugins <<END
whitelist per_recipient 1 merge 0
earlytalker wait 0
test/note whitelisthost at mail
test/note:2 whitelistrcpt at data scope txn
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220
> HELO c.example
<~ 250
> MAIL FROM:<a@b.test>
<~ 250
> RCPT TO:<u@example.test>
<~ 250
> RCPT TO:<v@example.test>
<~ 250
> RCPT TO:<w@elsewhere.test>
<= 550 5.7.1 Relaying denied
> DATA
<~ 354
> hi
> .
<~ 250
> QUIT
<~ 221
nolog plugin=whitelist pass: host 192\.0\.2\.7 is whitelisted
log info plugin=earlytalker
log info plugin=test/note note whitelisthost=\(none\)
log info plugin=whitelist pass: host for recipient u@example\.test is whitelisted \(192\.0\.2\.7\)
log info plugin=test/note:2 note whitelistrcpt=3
