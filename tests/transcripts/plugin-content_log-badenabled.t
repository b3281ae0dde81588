# content_log: content_log_enabled that is not a number is a configuration error.
control me mx.example.test
control content_log_enabled yes
control plugins <<END
content_log
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/content_log_enabled: not a number
