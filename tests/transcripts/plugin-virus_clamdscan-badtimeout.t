# virus/clamdscan: timeout 0 is out of range (1..3600 s) (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan timeout 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/clamdscan: .*timeout
queued 0
