# content_log: an unreadable content_log_file (a directory) is a configuration error.
control me mx.example.test
file control/content_log_file/x <<END
x
END
control plugins <<END
content_log
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log unable to read control/content_log_file
