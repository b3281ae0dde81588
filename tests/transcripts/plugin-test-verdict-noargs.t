# test/verdict needs a hook and a verdict.
control me mx.example.test
control plugins <<END
test/verdict
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log usage: test/verdict
queued 0
