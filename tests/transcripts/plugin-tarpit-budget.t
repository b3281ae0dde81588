# tarpit: the delays come out of the policy budget (1 s here): the greeting waits 1 s instead of 2, and once the
# budget is spent nothing is delayed any more (each step within 1.8 s, a full delay would take 2).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
control policy_budget 1
timeout 1.8
control plugins <<END
tarpit delay 2
rcpt_ok
END
<quiet 0.8
<~ 220 
> HELO c.example
<~ 250 mx.example.test Hi
> NOOP
<~ 250 
> QUIT
<~ 221 
exit 0
log skip: the policy budget is spent
