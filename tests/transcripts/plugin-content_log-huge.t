# content_log: a content_log_file over 4 MiB (the core's limit) is a configuration error.
control me mx.example.test
bigcontrol content_log_file 10485760 mail/%Y%m%d-{n}
control plugins <<END
content_log
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log unable to read control/content_log_file: File too large
