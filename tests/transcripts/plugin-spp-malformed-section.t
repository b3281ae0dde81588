# spp: an unknown section is a configuration error naming the file and the line
# (qmail-spp would silently never run its programs).
control me mx.example.test
control smtpplugins <<END
[rcpt]
/bin/true
[envelope]
/bin/true
END
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins: line '\[envelope\]': unknown section
queued 0
