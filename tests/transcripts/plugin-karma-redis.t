# karma: the redis argument is refused until the store has its Redis back end; the log says what to do.
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
log plugin=karma redis 127.0.0.1:6379: the Redis store back end is not available yet; the store is control/store_dir: drop the argument
