# karma: a 10 MB control/karma_tlds is refused by the core (over 4 MiB): no start.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
bigcontrol karma_tlds 10485760 t{n}:-1
control plugins <<END
karma
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/karma_tlds: File too large
