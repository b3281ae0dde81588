# test/verdict logs, at info, what the configured hook receives.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
test/verdict:1 rcpt DECLINED
test/verdict:2 mail DECLINED
test/verdict:3 helo DECLINED
test/verdict:4 unrecognized_command DECLINED
test/verdict:5 vrfy DECLINED
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> VRFY someone
<~ 252 
> FROB x y
<~ 500 
> QUIT
<~ 221 
exit 0
log plugin=test/verdict:3 hook=helo host=c\.example$
log plugin=test/verdict:2 hook=mail address=a@b\.test$
log plugin=test/verdict:1 hook=rcpt address=u@example\.test$
log plugin=test/verdict:5 hook=vrfy rest=someone$
log plugin=test/verdict:4 hook=unrecognized_command verb=frob rest=x y$
