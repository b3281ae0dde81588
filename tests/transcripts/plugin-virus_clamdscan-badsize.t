# virus/clamdscan: max_size 0 is out of range (1..4194304 kB) (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan max_size 0
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin virus/clamdscan: .*max_size
queued 0
