# dont_require_anglebrackets (reference/qpsmtpd.md 4.2): MAIL FROM:a@b and
# RCPT TO:postmaster are taken as <a@b> and <postmaster>; parameters after
# the address stay parameters. Without the plugin the core says 501.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
dont_require_anglebrackets
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:a@b.test SIZE=10
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:postmaster
<= 250 2.1.5 <postmaster>, recipient ok
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
