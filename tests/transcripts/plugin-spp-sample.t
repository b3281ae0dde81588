# spp: the sample control/smtpplugins (comments and empty sections) starts and
# runs no program.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
file control/smtpplugins <<END
$include ${TOP}/control/smtpplugins
END
control plugins <<END
spp
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<x@example.test>
<= 250 2.1.5 <x@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
nolog running 
