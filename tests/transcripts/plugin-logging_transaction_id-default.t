# logging/transaction_id: lines start with <connection id>.<n>: n is 1 from
# the start of the connection through the first transaction, and goes up at
# each further MAIL (not at RSET, not at the end of a transaction); the
# core's "dispatching MAIL" line comes before the transaction starts and has
# the previous number. Without an argument control/loglevel (6) is the
# maximum level.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control logging logging/transaction_id
control plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RSET
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
> MAIL FROM:<e@f.test>
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
log ^1700000000-\d{4,}-1\.1 Connection from \[192\.0\.2\.7\]
log ^1700000000-\d{4,}-1\.1 dispatching MAIL FROM:<a@b\.test>$
log ^1700000000-\d{4,}-1\.1 rcpt_ok plugin: fail: elsewhere\.test is not in rcpthosts$
log ^1700000000-\d{4,}-1\.1 dispatching RSET$
log ^1700000000-\d{4,}-1\.2 250 2\.1\.0 <c@d\.test>
log ^1700000000-\d{4,}-1\.2 queued from 192\.0\.2\.7 by queue/qmail-queue$
log ^1700000000-\d{4,}-1\.3 250 2\.1\.0 <e@f\.test>
log ^1700000000-\d{4,}-1\.3 click, disconnecting$
log ^1700000000-\d{4,}-1\.2 dispatching MAIL FROM:<e@f\.test>$
nolog ^1700000000-\d{4,}-1\.[12] (?!dispatching).*e@f\.test
nolog ^(?!1700000000-\d+-1\.\d+ ).+
