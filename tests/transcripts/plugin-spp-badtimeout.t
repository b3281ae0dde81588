# spp: timeout is 1 to 3600 seconds; 0 is a configuration error.
control me mx.example.test
control smtpplugins <<END
[rcpt]
END
control plugins <<END
spp timeout 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin spp: .*timeout
queued 0
