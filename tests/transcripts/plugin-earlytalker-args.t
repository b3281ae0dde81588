# earlytalker: a bad argument is a configuration error naming it.
control me mx.example.test
control plugins <<END
earlytalker check-at HELO
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=earlytalker check-at: 'HELO' is neither CONNECT nor DATA
