# dont_require_anglebrackets takes only the common arguments (accepted, and
# without effect: it refuses nothing); any other word is a configuration error.
control me mx.example.test
control plugins <<END
dont_require_anglebrackets loglevel 7 reject 0
dont_require_anglebrackets:1 postmaster_only 1
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin dont_require_anglebrackets:1: unknown argument 'postmaster_only'
nolog plugin dont_require_anglebrackets: 
