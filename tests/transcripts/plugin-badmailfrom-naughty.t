# badmailfrom reject naughty needs the naughty plugin, which does not exist:
# a configuration error with a clear message.
control me mx.example.test
control plugins <<END
badmailfrom reject naughty
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log reject naughty needs the naughty plugin
queued 0
