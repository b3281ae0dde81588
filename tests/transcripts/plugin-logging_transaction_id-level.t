# logging/transaction_id LEVEL: the argument (5, notice) is the maximum
# level, whatever control/loglevel says.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
control logging logging/transaction_id 5
control plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<c@d.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> hi
> .
<~ 250 2.0.0 Queued!
> QUIT
<~ 221 
exit 0
queued 1
log ^1700000000-\d{4,}-1\.1 Connection from \[192\.0\.2\.7\]
log ^1700000000-\d{4,}-1\.1 queued from 192\.0\.2\.7 by queue/qmail-queue$
nolog dispatching
