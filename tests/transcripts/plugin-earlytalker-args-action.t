# earlytalker: an action other than deny, denysoft or log is a configuration
# error naming the plugin and the argument.
control me mx.example.test
control plugins <<END
earlytalker action shout
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin earlytalker: action: 'shout' is not one of
