# spp: an unknown argument is a configuration error.
control me mx.example.test
control smtpplugins <<END
[rcpt]
END
control plugins <<END
spp deadline 5
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin spp: unknown argument 'deadline'
queued 0
