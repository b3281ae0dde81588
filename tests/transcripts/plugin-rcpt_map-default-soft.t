# rcpt_map default CODE=MSG: unknown addresses get that verdict, underscores
# of MSG as spaces.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example default DENYSOFT=Unknown_user,_try_later
rcpt_ok
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
> RCPT TO:<stranger@example.test>
<= 450 4.7.1 Unknown user, try later
> RCPT TO:<me@example.test>
<= 250 2.1.5 <me@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
