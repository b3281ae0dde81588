# An $include loop in rcpthosts (read by rcpt_ok at RCPT time): the check cannot
# complete, so a temporary failure, logged (never a silent accept or DECLINED).
control me mx.example.test
control rcpthosts <<END
example.test
$include rcpthosts
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<* 4[0-9][0-9] 4\.3\.0 .*
> QUIT
<~ 221 
exit 0
log error .*rcpthosts
