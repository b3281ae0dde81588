# karma: with the default reject naughty, the very bad karma refusal is stored
# for the naughty plugin, which delivers it at its stage (here data).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control karma_tlds <<END
example:-5
END
control plugins <<END
karma
rcpt_ok
naughty reject data
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<= 554 5.7.1 (karma) very bad karma: -5
<eof
exit 0
queued 0
log plugin=karma fail, deferred to naughty: very bad karma: -5
