# spp: output that is no qmail-spp command is a fault; nothing the program
# printed before takes effect (its S is not seen by the next program).
control me mx.example.test
control rcpthosts example.test
file bad 755 <<END
#!/bin/sh
echo "SLEAK=yes"
echo "accepted"
END
control smtpplugins <<END
[mail]
${TMP}/bad
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
<= 451 4.3.0 Temporary failure of a local check, try again later
> QUIT
<~ 221 
exit 0
log plugin=spp error: .*/bad \[mail\]: printed an unknown command$
