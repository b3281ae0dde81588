# help: a help_dir that does not exist is a configuration error.
control me mx.example.test
control plugins <<END
help help_dir ${TMP}/nosuch
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=help help_dir .*/nosuch: No such file or directory
