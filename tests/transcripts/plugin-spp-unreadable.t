# spp: an unreadable control/smtpplugins (here a directory) is a configuration error.
control me mx.example.test
file control/smtpplugins/x <<END
[rcpt]
END
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins: Is a directory
queued 0
