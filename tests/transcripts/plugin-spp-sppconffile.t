# spp: SPPCONFFILE names another file of the control directory, as in qmail-spp.
control me mx.example.test
control rcpthosts example.test
env SPPCONFFILE=control/smtpplugins-strict
file deny 755 <<END
#!/bin/sh
echo "E550 5.7.1 strict"
END
control smtpplugins-strict <<END
[mail]
${TMP}/deny
END
control plugins <<END
spp
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 550 5.7.1 strict
> QUIT
<~ 221 
exit 0
