# spp: R refuses with the program's reply and closes the connection.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
file r 755 <<END
#!/bin/sh
echo "R554 5.7.1 go away, $SMTPHELOHOST"
END
control smtpplugins <<END
[mail]
${TMP}/r
END
control plugins <<END
spp
rcpt_ok
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 554 5.7.1 go away, c.example
<eof
exit 0
log plugin=spp fail: .*/r \[mail\]: R554 5.7.1 go away, c.example$
