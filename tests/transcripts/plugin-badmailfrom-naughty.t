# badmailfrom reject naughty needs the naughty plugin to deliver the refusal:
# without it, a configuration error with a clear message (never a refusal lost).
control me mx.example.test
control plugins <<END
badmailfrom reject naughty
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log badmailfrom has reject naughty, but no naughty plugin is listed
queued 0
