# spp: a program that cannot be run is our fault: 451 4.3.0 and a log line
# naming it (qmail-spp answered 451 too).
control me mx.example.test
control rcpthosts example.test
control smtpplugins <<END
[rcpt]
${TMP}/nothere
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
<= 451 4.3.0 Temporary failure of a local check, try again later
> QUIT
<~ 221 
exit 0
log plugin=spp error: .*/nothere \[rcpt\]: No such file or directory
