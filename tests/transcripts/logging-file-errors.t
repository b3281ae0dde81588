# control/logging's lines are checked like control/plugins' and named in the
# log; a plugin in both files is listed twice (a configuration error).
control me mx.example.test
control logging <<END
logging/warn
logging/nosuch
END
control plugins <<END
logging/warn 7
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/logging: unknown or not compiled-in plugin: logging/nosuch
log config error: control/plugins: plugin listed twice: logging/warn
queued 0
