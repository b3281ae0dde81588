# karma: an unreadable control/karma_tlds (here a directory) is a configuration error.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
file control/karma_tlds/x <<END
jp:-1
END
control plugins <<END
karma
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=karma unable to read control/karma_tlds
