# Built-in logger: "qcsmtpd: <pid> <level> <text>" lines on fd 2, filtered by loglevel.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 550 
> QUIT
<~ 221 
exit 0
log ^qcsmtpd: [0-9]+ (emerg|alert|crit|error|warn|notice|info|debug) 
log ^qcsmtpd: [0-9]+ [a-z]+ plugin=rcpt_ok 
nolog ^(?!qcsmtpd: [0-9]+ (emerg|alert|crit|error|warn|notice|info|debug) ).+$
