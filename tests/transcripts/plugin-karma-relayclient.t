# karma: a relay client is immune: no recipient limit, no refusal at DATA.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
env RELAYCLIENT=
control karma_tlds <<END
example:-9
END
control plugins <<END
relay
karma reject 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u1@example.test>
<~ 250 
> RCPT TO:<u2@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
nolog too many recipients
nolog very bad karma
