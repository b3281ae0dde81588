# headers: a bad argument is a configuration error naming the plugin.
control me mx.example.test
control plugins <<END
check_basicheaders future soon
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin check_basicheaders: future: 'soon' is not a number from 0 to 36500
