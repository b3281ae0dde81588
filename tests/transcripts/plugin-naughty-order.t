# A plugin that defers to naughty must be listed before it (doc/plugins/ORDER):
# otherwise its refusal could come after naughty's turn. Configuration error.
control me mx.example.test
control plugins <<END
naughty
badmailfrom reject naughty
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log badmailfrom has reject naughty and must come before naughty
queued 0
