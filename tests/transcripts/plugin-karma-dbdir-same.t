# karma: db_dir equal to control/store_dir is accepted (qpsmtpd's argument, one store).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control plugins <<END
karma db_dir ${TMP}/store
rcpt_ok
END
<~ 220 
> QUIT
<~ 221 
exit 0
log plugin=karma pass, no penalty \(0 naughty, 0 nice, 0 connects\)
