# test/verdict: an unknown hook name is a configuration error.
control me mx.example.test
control plugins <<END
test/verdict nosuchhook DENY
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log usage: test/verdict
queued 0
