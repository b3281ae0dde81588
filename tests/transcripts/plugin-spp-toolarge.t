# spp: a control/smtpplugins over the core's 4 MiB limit stops the plugin from starting.
control me mx.example.test
bigcontrol smtpplugins 10485760 /bin/true {n}
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/smtpplugins: File too large
queued 0
