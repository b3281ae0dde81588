# logging/devnull returns DECLINED: a logging plugin listed after it still
# gets every event (here logging/warn writes them to stderr).
control me mx.example.test
control rcpthosts example.test
control logging <<END
logging/devnull
logging/warn 6
END
env TCPREMOTEIP=192.0.2.7
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
log ^\d+ \(rcpt\) rcpt_ok: fail: elsewhere\.test is not in rcpthosts$
log ^\d+ click, disconnecting$
nolog ^qcsmtpd: 
