# logging/connection_id LEVEL: the argument is the maximum level (here
# LOGWARN, 4) and control/loglevel (7) does not matter: badmailfrom's
# warning is written, the notice and info lines are not.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
control badmailfrom nonsense
control logging logging/connection_id LOGWARN
control plugins <<END
badmailfrom
rcpt_ok
END
env QCSMTPD_TEST_NOW=1700000000
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<~ 221 
exit 0
log ^1700000000-\d{4,}-1 badmailfrom plugin: warning: control/badmailfrom: no @ in nonsense: it can never match$
nolog Connection from
nolog dispatching
