# noop_counter: an argument it does not know is a configuration error naming
# the plugin and the argument.
control me mx.example.test
control plugins <<END
noop_counter 3 max 4
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin noop_counter: unknown argument 'max'
