# spp: without control/smtpplugins the plugin does not start, as qmail-smtpd
# with qmail-spp does not (doc/plugins/spp): an empty file runs no program.
control me mx.example.test
control plugins <<END
spp
rcpt_ok
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins is missing \(an empty file runs no program\)
queued 0
