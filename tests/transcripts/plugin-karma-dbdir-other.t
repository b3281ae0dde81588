# karma: db_dir must be control/store_dir (the store is the core's): another directory is refused.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma db_dir /var/lib/qpsmtpd/karma
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=karma db_dir /var/lib/qpsmtpd/karma is not control/store_dir \(.*/store\): the store is the core's
