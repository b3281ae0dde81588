# karma: the redis argument must name the store's Redis server
# (control/store_redis); without one, or naming another, the configuration
# is refused and the log says what to do.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma redis 127.0.0.1:6379
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=karma redis 127.0.0.1:6379 is not control/store_redis \(unset\): the store is the core's; set control/store_redis to it and drop the argument
