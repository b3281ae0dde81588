# karma: the note karma_history is set at connect for the plugins after it
# (0 for a client without a record).
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
test/note karma_history at helo
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=test/note note karma_history=0$
