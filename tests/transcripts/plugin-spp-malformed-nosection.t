# spp: a program before any section is a configuration error (qmail-spp ignores it).
control me mx.example.test
control smtpplugins <<END
/bin/true
[rcpt]
END
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins: line '/bin/true': program before any section
queued 0
