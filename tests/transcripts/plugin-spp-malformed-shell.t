# spp: qmail-spp 0.42's ':command' lines run through /bin/sh; there is no
# shell here, so such a line is a configuration error naming it.
control me mx.example.test
control smtpplugins <<END
[mail]
:echo N | cat
END
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins: line ':echo N \| cat': qmail-spp's ':' shell lines are not supported
queued 0
