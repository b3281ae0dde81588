# spp: LR at MAIL refuses every later RCPT of the session, before any [rcpt]
# program runs; two L lines make a multi-line reply.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
file later 755 <<END
#!/bin/sh
echo "LR550-5.7.1 you were told at MAIL"
echo "LR550 5.7.1 no recipients for $SMTPMAILFROM"
echo N
END
file rcpt 755 <<END
#!/bin/sh
echo N
END
control smtpplugins <<END
[mail]
${TMP}/later
[rcpt]
${TMP}/rcpt
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
<= 550-5.7.1 you were told at MAIL
<= 550 5.7.1 no recipients for a@b.test
> RSET
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<y@example.test>
<= 550-5.7.1 you were told at MAIL
<= 550 5.7.1 no recipients for a@b.test
> QUIT
<~ 221 
exit 0
nolog running .*/rcpt
