# spp: SPPCONFFILE outside the control directory is a configuration error.
control me mx.example.test
env SPPCONFFILE=/etc/passwd
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: SPPCONFFILE=/etc/passwd must name a file of the control directory
queued 0
