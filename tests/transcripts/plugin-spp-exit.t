# spp: a program that exits 1 without a decision is a fault (qmail-spp went
# on as if it had said nothing); with a decision its decision holds.
control me mx.example.test
control rcpthosts example.test
file fail 755 <<END
#!/bin/sh
echo "HX-Never: added"
exit 1
END
control smtpplugins <<END
[helo]
${TMP}/fail
END
control plugins <<END
spp
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<= 451 Temporary failure of a local check, try again later
> QUIT
<~ 221 
exit 0
log plugin=spp error: .*/fail \[helo\]: exited non-zero without a decision$
