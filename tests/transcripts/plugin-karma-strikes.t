# karma: strikes 1 makes badmailfrom's -1 a naughty connection; the client
# had no history, so it goes to the penalty box (negative 1).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control badmailfrom <<END
spam@bad.example
END
control plugins <<END
karma strikes 1
badmailfrom
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<spam@bad.example>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
log plugin=karma negative, sent to penalty box, \(msg: -1, his: -1\)
