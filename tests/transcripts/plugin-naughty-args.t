# naughty: "reject" names the stage (connect mail rcpt data data_post); any
# other value is a configuration error naming the plugin and the choices.
control me mx.example.test
control plugins <<END
naughty reject helo
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin naughty: reject: 'helo' is not one of connect\|mail\|rcpt\|data\|data_post
queued 0
