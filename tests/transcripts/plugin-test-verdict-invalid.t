# test/verdict with a number that is no verdict: the core logs it at error and treats
# it as DECLINED (the chain goes on to rcpt_ok).
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
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log error.*test/verdict
