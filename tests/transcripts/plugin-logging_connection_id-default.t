# logging/connection_id: every line starts with the connection's id,
# TTTTTTTTTT-PID-1 (the same as logging/file's %i), in qpsmtpd's shape for
# this plugin: "<plugin> plugin:" for a plugin, "running plugin (<hook>):"
# for the core inside a hook; the built-in logger is silent. Without an
# argument control/loglevel is the maximum level (here 6: info).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control logging logging/connection_id
control plugins <<END
relay
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
> QUIT
<~ 221 
exit 0
log ^1700000000-\d{4,}-1 rcpt_ok plugin: fail: elsewhere\.test is not in rcpthosts$
log ^1700000000-\d{4,}-1 relay plugin: skip: 192\.0\.2\.7 may not relay$
log ^1700000000-\d{4,}-1 click, disconnecting$
nolog ^qcsmtpd: 
nolog ^(?!1700000000-\d+-1 ).+
