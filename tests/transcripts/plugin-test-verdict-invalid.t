# test/verdict with a number that is no verdict: the core logs it at error and
# takes it as DENYSOFT (fail closed: a broken plugin never lets mail through).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict rcpt 42
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 450 4.7.1 relaying denied
> QUIT
<~ 221 
exit 0
log error.*test/verdict
