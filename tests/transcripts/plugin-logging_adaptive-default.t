# logging/adaptive without arguments: accept 3 (error), reject 4 (warn),
# prefix `. A refused transaction shows its warnings (badmailfrom's, logged
# at start-up, are held with the first transaction), nothing above warn.
control me mx.example.test
control rcpthosts example.test
control badmailfrom nonsense
control logging logging/adaptive
control plugins <<END
relay
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
log ^\d+ badmailfrom plugin: warning: control/badmailfrom: no @ in nonsense: it can never match$
nolog ^\d+ `
nolog Connection from
nolog rcpt_ok
