# earlytalker: a check-at that is neither CONNECT nor DATA is a configuration
# error (421 4.3.0 to every client, exit 100), logged with the plugin's name.
control me mx.example.test
control plugins <<END
earlytalker check-at CONNECT,HELO
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=earlytalker config error: check-at: 'HELO' is neither CONNECT nor DATA
