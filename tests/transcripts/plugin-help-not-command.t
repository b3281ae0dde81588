# help: every other pair of words is COMMAND FILE; a first word that cannot
# be a command name (a misspelt argument, a path) is a configuration error.
control me mx.example.test
control plugins <<END
help help.dir ${TMP}/help
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=help unknown argument 'help\.dir': not a command name
