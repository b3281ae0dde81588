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
log plugin=test/verdict:3 hook=helo arg=c\.example code=0$
log plugin=test/verdict:2 hook=mail arg=a@b\.test code=0$
log plugin=test/verdict:1 hook=rcpt arg=u@example\.test code=0$
log plugin=test/verdict:5 hook=vrfy arg=someone code=0$
log plugin=test/verdict:4 hook=unrecognized_command arg=frob arg2=x y code=0$
