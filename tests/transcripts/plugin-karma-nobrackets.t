# karma: without dont_require_anglebrackets the core refuses a bare address
# (so karma has no bracket check of its own, unlike qpsmtpd's).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:a@sender.example
<~ 501 
> QUIT
<~ 221 
exit 0
