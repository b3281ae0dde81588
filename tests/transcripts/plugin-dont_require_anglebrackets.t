# dont_require_anglebrackets (reference/qpsmtpd.md 4.2): MAIL FROM:a@b and
# RCPT TO:postmaster are taken as <a@b> and <postmaster>; parameters after
# the address stay parameters; an empty MAIL FROM: is still the null sender
# bracketed paths are untouched, and a blank inside a quoted local part
# does not end the address. Without the plugin: 501
# (plugin-dont_require_anglebrackets-without).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
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
> RCPT TO:u@example.test
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<v@example.test>
<= 250 2.1.5 <v@example.test>, recipient ok
> RCPT TO:w@example.test NOTIFY=NEVER
<= 555 5.5.4 Unsupported RCPT parameter
> RSET
<~ 250 
> MAIL FROM:
<= 250 2.1.0 <>, sender OK - how exciting to get mail from you!
> MAIL FROM:"a.b"@b.test SIZE=10
<= 250 2.1.0 <a.b@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:"a b"@b.test SIZE=10
<= 250 2.1.0 <"a b"@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:a@b.test SIZE=x
<= 501 5.5.4 Syntax error in parameters
> QUIT
<~ 221 
exit 0
log info plugin=dont_require_anglebrackets added angle brackets: <a@b\.test> SIZE=10
log info plugin=dont_require_anglebrackets added angle brackets: <postmaster>
