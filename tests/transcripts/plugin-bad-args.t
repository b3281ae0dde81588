# A plugin whose init() refuses its arguments makes the configuration invalid.
control me mx.example.test
control plugins <<END
test/verdict no_such_hook DENY
queue/qmail-queue
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log test/verdict
