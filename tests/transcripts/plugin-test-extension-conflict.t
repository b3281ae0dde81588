# Two instances claiming the same verb (and keyword and parameter) are a
# configuration error at start, naming both.
control me mx.example.test
control plugins <<END
test/extension
test/extension:1 offer never
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/plugins: command xtest is claimed by test/extension and by test/extension:1
