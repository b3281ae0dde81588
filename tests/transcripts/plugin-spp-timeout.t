# spp: "timeout 1": a program still running after 1 s is killed; the RCPT gets
# the fault reply and the session goes on; the log names the program.
control me mx.example.test
control rcpthosts example.test
file slow 755 <<END
#!/bin/sh
exec sleep 20
END
control smtpplugins <<END
[rcpt]
${TMP}/slow
END
control plugins <<END
spp timeout 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<x@example.test>
<= 451 4.3.0 Temporary failure of a local check, try again later
> NOOP
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=spp error: .*/slow \[rcpt\]: timed out$
queued 0
