# virus/clamdscan: deny_viruses takes yes or no (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan deny_viruses maybe
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/clamdscan: .*deny_viruses
queued 0
