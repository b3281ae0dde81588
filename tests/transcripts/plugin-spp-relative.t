# spp: a program name that is not absolute is relative to the qmail home
# ($QMAIL, default /var/qmail), where qmail-smtpd runs qmail-spp's plugins/x;
# words are split on blanks and given as arguments, with no shell.
control me mx.example.test
control rcpthosts example.test
env QMAIL=${TMP}/qmail
file qmail/plugins/deny 755 <<END
#!/bin/sh
echo "E553 5.7.1 $1 says no to $SMTPRCPTTO ($2)"
END
control smtpplugins <<END
[rcpt]
plugins/deny   the-rule	'two words'
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
<= 553 5.7.1 the-rule says no to x@example.test ('two)
> QUIT
<~ 221 
exit 0
