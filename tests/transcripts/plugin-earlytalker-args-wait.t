# earlytalker: a wait above 300 seconds is a configuration error naming the
# plugin and the argument.
control me mx.example.test
control plugins <<END
earlytalker wait 301
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log crit config error: control/plugins: plugin earlytalker: wait: '301' is not a number from 0 to 300
