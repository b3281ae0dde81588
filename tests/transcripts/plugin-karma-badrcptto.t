# karma: badrcptto (-2) and dont_require_anglebrackets (-2) reach the note:
# -4 at DATA, and a naughty connection at disconnect (strikes 3).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control badrcptto <<END
trap@example.test
END
control plugins <<END
dont_require_anglebrackets
karma
badrcptto
test/note karma at data
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:a@sender.example
<~ 250 
> RCPT TO:<trap@example.test>
<~ 550 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log plugin=test/note note karma=-4$
log plugin=karma negative, sent to penalty box, \(msg: -4, his: -1\)
