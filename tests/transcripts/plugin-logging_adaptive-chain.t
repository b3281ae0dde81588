# logging/adaptive returns DECLINED: a logging plugin listed after it
# (logging/warn 6) still writes every event, in its own format.
control me mx.example.test
control rcpthosts example.test
control logging <<END
logging/adaptive accept 5 reject 5
logging/warn 6
END
control plugins <<END
rcpt_ok
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
log ^\d+ dispatching QUIT$
log ^\d+ Connection from \[192\.0\.2\.7\]
nolog ^\d+ `
