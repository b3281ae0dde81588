# rcpt_map: a recipient of the domain gets the verdict of its map line (full
# address or local part; any case), the comment as the text, "No such user."
# with 5.1.1 without one; an address the map does not list gets the default
# (DENY=No_such_user.); DECLINED lets rcpt_ok decide; other domains are not
# looked up; a line of another domain is skipped with a warning.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
control loglevel 4
control rcpthosts <<END
example.test
elsewhere.test
END
control map_example <<END
# map for example.test
me@example.test          OK
info@Example.Test        DENY     User not found.
busy                     DENYSOFT Mailbox busy, try later
nocomment@example.test   DENY
gone@example.test        DENY_DISCONNECT Gone
other@elsewhere.test     OK
pass@example.test        DECLINED
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<ME@example.TEST>
<= 250 2.1.5 <ME@example.TEST>, recipient ok
> RCPT TO:<info@example.test>
<= 550 5.7.1 User not found.
> RCPT TO:<Busy@example.test>
<= 450 4.7.1 Mailbox busy, try later
> RCPT TO:<nocomment@example.test>
<= 550 5.1.1 No such user.
> RCPT TO:<stranger@example.test>
<= 550 5.1.1 No such user.
> RCPT TO:<pass@example.test>
<= 250 2.1.5 <pass@example.test>, recipient ok
> RCPT TO:<stranger@elsewhere.test>
<= 250 2.1.5 <stranger@elsewhere.test>, recipient ok
> RCPT TO:<other@example.test>
<= 550 5.1.1 No such user.
> RCPT TO:<gone@example.test>
<= 550 5.7.1 Gone
<eof
exit 0
log plugin=rcpt_map warning: control/map_example: other@elsewhere.test is not in example.test: it can never match
