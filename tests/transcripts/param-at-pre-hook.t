# At rcpt_pre the parameters of this RCPT are not parsed yet: qp_param must
# not show those of the MAIL or RCPT before (test/extension logs at mail, and
# the core empties them before each *_pre hook). The RCPT's own then apply.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
test/extension
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test> XTEST=7
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=test/extension xtest note=7 param=7
log plugin=test/extension rcpt_pre param=\(none\)
nolog rcpt_pre param=7
