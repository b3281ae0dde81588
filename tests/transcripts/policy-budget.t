# The policy budget (control/policy_budget, seconds) bounds the total time
# plugins may wait in one connection: earlytalker asked for 30 s at connect
# and 30 s at DATA, the budget of 1 s cuts the first wait short (logged once)
# and leaves nothing for the second; the session and the queueing (not
# policy: not bounded by the budget) go on.
control me mx.example.test
control rcpthosts example.test
control policy_budget 1
control plugins <<END
earlytalker wait 30 check-at CONNECT,DATA
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
timeout 4
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: budget
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
log warn policy budget spent: plugins may not wait any longer in this session
