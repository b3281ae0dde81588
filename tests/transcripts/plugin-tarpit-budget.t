# tarpit: the delays come out of the policy budget (1 s here): the greeting waits 1 s instead of 4, and once the
# budget is spent nothing is delayed any more (each step within 3 s, a full delay would take 4).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 7
control policy_budget 1
timeout 3
control plugins <<END
tarpit delay 4 max 4
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
