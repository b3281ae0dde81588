# relay: arguments come in pairs.
control me mx.example.test
control plugins <<END
relay only
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log usage: relay
queued 0
