# karma: an unknown argument is a configuration error that names it.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma strike 3
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin karma: unknown argument 'strike' \(accepted: negative, strikes, penalty_days, reject, db_dir, redis, loglevel, reject_type\)
